import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { OutputExistsError, tempPathFor, writeFileAtomic } from './atomic-write';

const dir = join(process.cwd(), '.tmp/cli/atomic');

beforeEach(async () => {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
});

describe('atomic writes', () => {
  it('writes the whole file, creating folders, and leaves no temporary file', async () => {
    const path = join(dir, 'sub/out.svg');
    writeFileAtomic(path, '<svg/>', { overwrite: false });
    expect(await readFile(path, 'utf8')).toBe('<svg/>');
    expect(await readdir(join(dir, 'sub'))).toEqual(['out.svg']);
  });

  it('refuses to replace an existing file unless told to overwrite', async () => {
    const path = join(dir, 'out.svg');
    await writeFile(path, 'old');
    expect(() => writeFileAtomic(path, 'new', { overwrite: false })).toThrow(OutputExistsError);
    expect(await readFile(path, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['out.svg']);
    writeFileAtomic(path, 'new', { overwrite: true });
    expect(await readFile(path, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['out.svg']);
  });

  it('cleans up its temporary file when the final step fails', async () => {
    const path = join(dir, 'taken');
    await mkdir(path); // a folder where the file should go
    expect(() => writeFileAtomic(path, 'x', { overwrite: true })).toThrow();
    expect(await readdir(dir)).toEqual(['taken']);
  });

  it('names temporary files so that they never look like an SVG', () => {
    const temp = tempPathFor('/a/b/out.svg');
    expect(temp).toMatch(/^\/a\/b\/\.out\.svg\.\d+-\d+-\d+\.tmp$/);
    expect(tempPathFor('/a/b/out.svg')).not.toBe(temp);
  });
});
