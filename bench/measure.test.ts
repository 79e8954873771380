import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { imageReference, measure, RenderSizeError } from './measure';
import type { Raster } from '../src/engine/fidelity/index';

const dir = join(import.meta.dirname, '../.tmp/bench/measure-test');
const timing = { runs: 3, slowMs: 60_000 };

const grey: Raster = { data: new Uint8Array(6 * 4 * 4).fill(102), width: 6, height: 4 };
for (let i = 3; i < grey.data.length; i += 4) grey.data[i] = 255;
const exact =
  '<svg xmlns="http://www.w3.org/2000/svg" width="6" height="4"><path d="M0 0h6v4H0z" fill="#666"/></svg>';

const greyReference = await imageReference(grey);

describe('measure', () => {
  it('measures an exact SVG as identical and saves it with its rendering', async () => {
    rmSync(dir, { recursive: true, force: true });
    let calls = 0;
    const m = await measure(
      async () => (calls++, exact),
      greyReference,
      timing,
      join(dir, 'tracer/cat/grey'),
    );
    expect(calls).toBe(4);
    expect(m).toMatchObject({ runs: 3, bytes: exact.length, paths: 1, psnr: Infinity, seams: 0 });
    expect(m.ssim).toBe(1);
    expect(m).toMatchObject({ deltaE: 0, flatLoss: 0, flatPixels: 24 });
    expect(m.ssim4x).toBeNaN();
    expect(m.gzip).toBeGreaterThan(0);
    expect(existsSync(join(dir, 'tracer/cat/grey.svg'))).toBe(true);
    expect(existsSync(join(dir, 'tracer/cat/grey.png'))).toBe(true);
  });

  it('times a conversion slower than the budget once, by its warm-up', async () => {
    let calls = 0;
    const slow = () => new Promise<string>((done) => setTimeout(() => done(exact), 20 + calls++));
    const m = await measure(slow, greyReference, { runs: 3, slowMs: 1 }, join(dir, 'slow'));
    expect(calls).toBe(1);
    expect(m.runs).toBe(1);
  });

  it('refuses an SVG that does not render at the image size', async () => {
    const small = exact.replace('width="6"', 'width="5"');
    await expect(
      measure(async () => small, greyReference, timing, join(dir, 'small')),
    ).rejects.toThrow(RenderSizeError);
  });
});
