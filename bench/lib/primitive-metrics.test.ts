import { describe, expect, it } from 'vitest';
import { scoreScene } from './primitive-metrics';
import type { TrueShape } from './shapes-scene';

const circle = (cx: number, r: number): TrueShape => ({
  kind: 'circle',
  cx,
  cy: 50,
  r,
  fill: '#000',
});
const svg = (...circles: [number, number][]) =>
  circles.map(([cx, r]) => `<circle cx="${cx}" cy="50" r="${r}" fill="#000"/>`).join('');

describe('scoreScene', () => {
  it('counts wholly visible shapes found, and a primitive matching no shape as extra', () => {
    const score = scoreScene(
      [circle(20, 10), circle(60, 10)],
      [true, true],
      svg([20.2, 10], [90, 5]),
    );
    expect(score).toMatchObject({ shapes: 2, found: 1, extra: 1 });
    expect(score.errors[0]).toBeCloseTo(0.2, 5);
  });

  it('a partly hidden shape that comes back whole is neither counted nor extra', () => {
    const score = scoreScene(
      [circle(20, 10), circle(30, 10)],
      [false, true],
      svg([20, 10], [30, 10]),
    );
    expect(score).toMatchObject({ shapes: 1, found: 1, extra: 0 });
  });
});
