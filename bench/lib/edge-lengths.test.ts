import { describe, expect, it } from 'vitest';
import { edgeCheck } from './edge-lengths';

const svg = (body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" width="10" height="10">${body}</svg>`;
// Two cutouts side by side: outlines 30 + 30, border 40, so the graph once is 50 long.
const cutouts = svg('<path fill="#f00" d="M0 0h5v10H0z"/><path fill="#00f" d="M5 0h5v10H5z"/>');
const stroke = (d: string) => `<path d="${d}"/>`;
const edges = (...paths: string[]) =>
  svg(`<g fill="none" stroke="#000" stroke-width="1">${paths.map(stroke).join('')}</g>`);

describe('edgeCheck', () => {
  it('finds the graph drawn once: the border and the shared edge, each one time', () => {
    expect(edgeCheck(edges('M0 0h10v10H0z', 'M5 0v10'), cutouts, 10, 10)).toEqual({
      ratio: 1,
      doubled: 0,
    });
  });

  it('sees an edge drawn twice, by two paths and in opposite directions', () => {
    const twice = edgeCheck(edges('M0 0h10v10H0z', 'M5 0v10', 'M5 10V0'), cutouts, 10, 10);
    expect(twice.ratio).toBeCloseTo(1.2, 9);
    expect(twice.doubled).toBe(1);
  });

  it('measures a curve along its length', () => {
    // The shared edge as a cubic along the same line, its controls unevenly spaced.
    expect(
      edgeCheck(edges('M0 0h10v10H0z', 'M5 0C5 1 5 8 5 10'), cutouts, 10, 10).ratio,
    ).toBeCloseTo(1, 3);
  });
});
