import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { largestFirst, planOutputs } from './batch-plan';

describe('batch plan', () => {
  it('marks an input whose output another input already claims', () => {
    const planned = planOutputs(
      [
        { path: 'in/a.jpg', base: 'in' },
        { path: 'in/a.png', base: 'in' },
        { path: 'in/b.png', base: 'in' },
      ],
      { outDir: 'svg' },
    );
    expect(planned.map((file) => [file.output, file.conflict])).toEqual([
      ['svg/a.svg', undefined],
      ['svg/a.svg', 'svg/a.svg is also the output of in/a.jpg; rename one.'],
      ['svg/b.svg', undefined],
    ]);
  });

  it('hands out the largest files first', async () => {
    const dir = join(process.cwd(), '.tmp/cli/plan');
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    const sizes: Record<string, number> = { 'a.png': 10, 'b.png': 300, 'c.png': 20 };
    for (const [name, size] of Object.entries(sizes))
      await writeFile(join(dir, name), Buffer.alloc(size));
    const files = ['a.png', 'b.png', 'c.png', 'missing.png'].map((name) => ({
      input: { path: join(dir, name), base: dir },
      output: name,
    }));
    expect((await largestFirst(files)).map((file) => file.output)).toEqual([
      'b.png',
      'c.png',
      'a.png',
      'missing.png',
    ]);
  });
});
