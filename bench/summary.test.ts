import { describe, expect, it } from 'vitest';
import { checkTargets, median, summariseAll, type Measured, type Result } from './summary';

const figures: Measured = {
  ms: 10,
  runs: 3,
  bytes: 4000,
  gzip: 1000,
  paths: 5,
  ssim: 0.95,
  psnr: 30,
  seams: 0,
  deltaE: 1,
  flatLoss: 5,
  flatPixels: 100,
  ssim4x: NaN,
  psnr4x: NaN,
};

function result(tracer: string, category: string, image: string, m: Partial<Measured>): Result {
  return { tracer, category, image, measured: { ...figures, ...m } };
}

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});

describe('summariseAll', () => {
  it('keeps medians per category and tracer, the worst seams, and counts errors', () => {
    const summaries = summariseAll([
      result('a', 'logo', '1', { ms: 1, seams: 0.5 }),
      result('a', 'logo', '2', { ms: 3, seams: 0 }),
      result('a', 'logo', '3', { ms: 2, seams: 0.2 }),
      { tracer: 'a', category: 'logo', image: '4', error: 'boom' },
    ]);
    expect(summaries.get('logo')?.get('a')).toMatchObject({
      images: 3,
      errors: 1,
      ms: 2,
      seams: 0.5,
    });
  });
});

describe('checkTargets', () => {
  const base = 'vtracer-native';
  it('passes ours-balanced where it is at least as good, and fails each miss', () => {
    const checks = checkTargets(
      summariseAll([
        result('ours-balanced', 'logo', 'x', { ssim: 0.99, gzip: 900, ms: 12, seams: 0.05 }),
        result(base, 'logo', 'x', { ssim: 0.98, gzip: 1000, ms: 10 }),
        result('ours-balanced', 'illustration', 'x', { seams: 0.2 }),
      ]),
      base,
    );
    expect(checks.map((c) => `${c.category} ${c.what} ${c.pass}`)).toEqual([
      'logo SSIM ≥ true',
      'logo gzip ≤ true',
      'logo time ≤ false',
      'logo seams ≤ true',
    ]);
  });

  it('fails every target of a category where ours errs on an image', () => {
    const checks = checkTargets(
      summariseAll([
        result('ours-balanced', 'jpeg', 'x', {}),
        { tracer: 'ours-balanced', category: 'jpeg', image: 'y', error: 'boom' },
        result(base, 'jpeg', 'x', {}),
      ]),
      base,
    );
    expect(checks.every((c) => !c.pass)).toBe(true);
  });

  it('requires pixel mode to reproduce every pixel-art image', () => {
    const exact = result('ours-pixel', 'pixelart', 'a', { ssim: 1 });
    const near = result('ours-pixel', 'pixelart', 'b', { ssim: 0.99999 });
    expect(checkTargets(summariseAll([exact]), base)[0]).toMatchObject({ pass: true });
    expect(checkTargets(summariseAll([exact, near]), base)[0]).toMatchObject({
      pass: false,
      ours: 0.99999,
    });
  });
});
