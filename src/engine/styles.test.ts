/**
 * Output styles through the real wasm core: stacking (cutouts), draw styles (strokeShapes,
 * strokeEdges), the gap filler and grouping — parseable SVG of the expected structure — and
 * bad values refused as INVALID_OPTION naming the option.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import { VectorizeError, type Engine, type VectorizeOptionsInput } from './index';
import { loadEngine, testCard } from './test-support';
import { ssim } from './fidelity/index';
import { coverage, filledShapes, overlapShare } from '../../bench/lib/overlap';
import { renderSvg } from '../../bench/lib/render';

let engine: Engine;
const card = testCard(128);

beforeAll(async () => {
  engine = await loadEngine('simd');
});

async function svgOf(options: VectorizeOptionsInput): Promise<string> {
  return (await engine.vectorize(card.data, card.width, card.height, options)).svg;
}

function parses(svg: string): void {
  const image = new Resvg(svg).render();
  expect([image.width, image.height]).toEqual([card.width, card.height]);
}

const paths = (svg: string) => svg.match(/<path\b[^>]*>/g) ?? [];

describe('stacking: cutouts', () => {
  it('draws every pixel with exactly one shape: no path under another, no underlay', async () => {
    const svg = await svgOf({ stacking: 'cutouts' });
    parses(svg);
    expect(svg).not.toContain('stroke');
    expect(svg).not.toMatch(/d="M0 0h/);
    // Rendered alone, no two paths cover the same pixel (beyond anti-aliased edges).
    expect(overlapShare(svg, card.width, card.height)).toBe(0);
    const counts = coverage(svg, card.width, card.height);
    const uncovered = counts.filter((c) => c === 0).length;
    expect(uncovered / counts.length).toBeLessThan(0.02);
    // Stacked output does paint shapes under others.
    const stacked = await svgOf({});
    expect(overlapShare(stacked, card.width, card.height)).toBeGreaterThan(1);
    expect(Math.abs(ssim(card, renderSvg(svg)) - ssim(card, renderSvg(stacked)))).toBeLessThan(
      0.01,
    );
  });

  it('with the gap filler, strokes under the shared boundaries come first', async () => {
    const svg = await svgOf({ stacking: 'cutouts', gapFiller: true, gapFillerWidth: 1.5 });
    parses(svg);
    const filler = svg.indexOf('<g id="gap-filler" fill="none" stroke-width="1.5"');
    expect(filler).toBeGreaterThan(0);
    const firstFill = svg.indexOf('<path', svg.indexOf('</g>', filler));
    expect(firstFill).toBeGreaterThan(filler);
    expect(filledShapes(svg).length).toBe(
      filledShapes(await svgOf({ stacking: 'cutouts' })).length,
    );
  });
});

describe('draw styles', () => {
  it('strokeEdges: every path a stroke, no fill', async () => {
    const svg = await svgOf({ drawStyle: 'strokeEdges', strokeWidth: 0.5 });
    parses(svg);
    expect(svg).toContain('<g fill="none" stroke-width=".5"');
    expect(filledShapes(svg)).toEqual([]);
    for (const path of paths(svg)) {
      expect(path).toMatch(/stroke="#[0-9a-f]{3,6}"/);
      expect(path).not.toMatch(/\bfill="/);
    }
  });

  it('strokeShapes: each shape outlined in the stroke colour given', async () => {
    const svg = await svgOf({ drawStyle: 'strokeShapes', strokeColor: '#ff0000' });
    parses(svg);
    expect(filledShapes(svg)).toEqual([]);
    expect(paths(svg).length).toBeGreaterThan(1);
    for (const path of paths(svg)) expect(path).toContain('stroke="#f00"');
    // The edges style draws each shared boundary once: fewer bytes than every outline.
    const edges = await svgOf({ drawStyle: 'strokeEdges', strokeColor: '#ff0000' });
    expect(edges.length).toBeLessThan(svg.length);
  });
});

describe('groupBy', () => {
  it('color: one <g> per colour, named for it, holding that colour only', async () => {
    const svg = await svgOf({ stacking: 'cutouts', groupBy: 'color' });
    parses(svg);
    const groups = [...svg.matchAll(/<g id="c-([0-9a-f]{6})">(.*?)<\/g>/g)];
    const fills = new Set(filledShapes(svg).map((p) => /fill="([^"]+)"/.exec(p)?.[1] ?? '#000'));
    expect(groups.length).toBe(fills.size);
    expect(new Set(groups.map((g) => g[1])).size).toBe(groups.length);
    for (const [, hex, body] of groups)
      for (const path of paths(body)) {
        const fill = /fill="#([0-9a-f]+)"/.exec(path)?.[1] ?? '000';
        const full = fill.length === 3 ? [...fill].map((c) => c + c).join('') : fill;
        expect(full).toBe(hex);
      }
  });

  it('layer: groups named by stacking depth; ids stay unique when stacked', async () => {
    const svg = await svgOf({ groupBy: 'layer' });
    parses(svg);
    expect(svg).toContain('<g id="layer-0">');
    const stackedByColour = await svgOf({ groupBy: 'color' });
    parses(stackedByColour);
    const ids = [...stackedByColour.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ssim(renderSvg(stackedByColour), renderSvg(await svgOf({})))).toBeGreaterThan(0.999);
  });
});

describe('bad values', () => {
  it.each([
    ['drawStyle', 'outline'],
    ['drawStyle', 2],
    ['stacking', 'cut'],
    ['groupBy', 'size'],
    ['strokeWidth', 0],
    ['strokeWidth', -1],
    ['strokeWidth', 1e6],
    ['strokeWidth', 'wide'],
    ['gapFillerWidth', 0],
    ['gapFillerWidth', 10],
    ['gapFiller', 'yes'],
    ['strokeColor', 'red'],
    ['strokeColor', '#12345'],
  ] as const)('%s = %j is INVALID_OPTION naming it', async (option, value) => {
    const error = await svgOf({ [option]: value }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VectorizeError);
    expect(error).toMatchObject({ code: 'INVALID_OPTION', option });
    expect((error as Error).message).toContain(`"${option}"`);
  });
});
