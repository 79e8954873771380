// A separate project that installs the built package and imports it by name: the types check
// under strict "nodenext" resolution and the code runs.
import { execFileSync } from 'node:child_process';
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, ensureBuilt } from '../cli/cli-process';
import { FORMAT_FIXTURES } from './image-fixtures';

const dir = join(ROOT, '.tmp/cli/consumer');

const CONSUMER = `
import { readFile } from 'node:fs/promises';
import {
  vectorize,
  vectorizeFile,
  presets,
  VectorizeError,
  type VectorizeOptionsInput,
  type VectorizeResult,
} from 'vectorizer';

const options: VectorizeOptionsInput = { preset: 'fast', colors: presets.high.colors };
const fromFile: VectorizeResult = await vectorizeFile('in.png', options);
const fromBuffer = await vectorizeFile(await readFile('in.png'));
const pixels = await vectorize(new Uint8Array(4 * 4 * 4).fill(255), 4, 4);
const refused = await vectorize(new Uint8Array(3), 4, 4).catch((error: unknown) =>
  error instanceof VectorizeError ? error.code : 'untyped',
);
console.log(
  JSON.stringify({
    width: fromFile.stats.width,
    same: fromFile.svg.length > 0 && fromBuffer.stats.height === 64,
    pixels: pixels.stats.width,
    refused,
  }),
);
`;

beforeAll(async () => {
  ensureBuilt();
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, 'node_modules'), { recursive: true });
  await symlink(ROOT, join(dir, 'node_modules/vectorizer'));
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', type: 'module' }));
  const compilerOptions = {
    target: 'ES2022',
    module: 'nodenext',
    moduleResolution: 'nodenext',
    strict: true,
    types: ['node'],
    outDir: 'out',
  };
  // A Node project (no DOM types; library .d.ts files skipped, as usual) and a project that
  // checks every declaration file (the engine's types mention WebAssembly, which lib "DOM" has).
  const configs = {
    'tsconfig.node.json': { ...compilerOptions, lib: ['ES2023'], skipLibCheck: true },
    'tsconfig.strict.json': { ...compilerOptions, lib: ['ES2023', 'DOM'], skipLibCheck: false },
  };
  for (const [name, options] of Object.entries(configs))
    await writeFile(
      join(dir, name),
      JSON.stringify({ compilerOptions: options, files: ['consumer.ts'] }),
    );
  await writeFile(join(dir, 'consumer.ts'), CONSUMER);
  await writeFile(join(dir, 'in.png'), await FORMAT_FIXTURES['rgb.png']());
});

describe('the package, imported by name', () => {
  it('type-checks and runs in a consumer project', () => {
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    for (const config of ['tsconfig.strict.json', 'tsconfig.node.json'])
      execFileSync(process.execPath, [tsc, '-p', config], { cwd: dir, stdio: 'pipe' });
    const output = execFileSync(process.execPath, ['out/consumer.js'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(JSON.parse(output)).toEqual({
      width: 96,
      same: true,
      pixels: 4,
      refused: 'INVALID_INPUT',
    });
  });
});
