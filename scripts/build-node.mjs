// Builds the Node package into dist-node/: the library (index.js + index.d.ts), the `vectorizer`
// command (cli.cjs) and its worker thread (worker.js), bundled with esbuild (sharp stays an
// external dependency: a native addon), plus both wasm builds of the core beside them.
// The command is CommonJS: Node loads one CJS file ≈6 ms faster than the same code as an ES module
// (no module graph to link, no ES facades for the builtins it imports), which a one-file
// conversion of ≈90 ms notices. Its `import.meta.url` becomes the file's own URL.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { chmod, copyFile, mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'dist-node');
const wasmDir = join(root, 'src/engine/wasm');
const WASM_FILES = ['vectorizer-simd.wasm', 'vectorizer-scalar.wasm'];

const fail = (message) => {
  console.error(`build-node: ${message}`);
  process.exit(1);
};

for (const file of WASM_FILES)
  await stat(join(wasmDir, file)).catch(() =>
    fail(`src/engine/wasm/${file} is missing; run \`npm run build:wasm\` first.`),
  );

const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
// Files are replaced in place (not the folder), so a command already running keeps working.
await rm(join(out, 'types'), { recursive: true, force: true });
await mkdir(out, { recursive: true });

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['sharp'],
  define: { VECTORIZER_VERSION: JSON.stringify(version) },
  logLevel: 'warning',
  legalComments: 'none',
};
await Promise.all([
  build({
    ...common,
    entryPoints: [join(root, 'src/node/index.ts')],
    outfile: join(out, 'index.js'),
  }),
  build({
    ...common,
    format: 'cjs',
    entryPoints: [join(root, 'src/cli/main.ts')],
    outfile: join(out, 'cli.cjs'),
    define: { ...common.define, 'import.meta.url': '__vectorizerModuleUrl' },
    banner: {
      js:
        '#!/usr/bin/env node\n' +
        "const __vectorizerModuleUrl = require('node:url').pathToFileURL(__filename).href;",
    },
  }),
  build({
    ...common,
    entryPoints: [join(root, 'src/cli/worker.ts')],
    outfile: join(out, 'worker.js'),
  }),
]);
await chmod(join(out, 'cli.cjs'), 0o755);
// The command's file before it was CommonJS: a stale copy would be run by old links to it.
await rm(join(out, 'cli.js'), { force: true });
for (const file of WASM_FILES) await copyFile(join(wasmDir, file), join(out, file));

// Declarations: tsc emits one .d.ts per source file under dist-node/types/; relative imports get
// explicit .js extensions so consumers resolving with "node16"/"nodenext" find them too.
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const emitted = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.node-dts.json')], {
  stdio: 'inherit',
});
if (emitted.status !== 0) fail('declaration emit failed (see tsc output above).');

async function declarationFiles(dir) {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory() ? declarationFiles(join(dir, entry.name)) : [join(dir, entry.name)],
    ),
  );
  return nested.flat().filter((file) => file.endsWith('.d.ts'));
}

const isFile = (path) =>
  stat(path).then(
    (s) => s.isFile(),
    () => false,
  );

async function withExtension(fromFile, specifier) {
  const target = join(dirname(fromFile), specifier);
  if (await isFile(`${target}.d.ts`)) return `${specifier}.js`;
  if (await isFile(join(target, 'index.d.ts'))) return `${specifier}/index.js`;
  return specifier;
}

const RELATIVE_SPECIFIER = /(from\s+|import\()(['"])(\.{1,2}\/[^'"]*)\2/g;
for (const file of await declarationFiles(join(out, 'types'))) {
  const source = await readFile(file, 'utf8');
  let result = '';
  let last = 0;
  for (const match of source.matchAll(RELATIVE_SPECIFIER)) {
    const [whole, keyword, quote, specifier] = match;
    result += source.slice(last, match.index) + keyword + quote;
    result += (await withExtension(file, specifier)) + quote;
    last = match.index + whole.length;
  }
  await writeFile(file, result + source.slice(last));
}
await writeFile(join(out, 'index.d.ts'), "export * from './types/node/index.js';\n");

const sizes = await Promise.all(
  ['index.js', 'cli.cjs', 'worker.js', ...WASM_FILES].map(
    async (file) => `${file} ${(await stat(join(out, file))).size} B`,
  ),
);
console.log(`build-node: dist-node/ ${sizes.join(', ')}`);
