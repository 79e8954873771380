// The styles beyond flat fills — gradients, round-capped strokes, circles and ellipses — through
// the exporters, checked by the programs that read the formats (poppler, ghostscript, ezdxf,
// Inkscape).
import { beforeAll, describe, expect, it } from 'vitest';
import { renderSvg } from '../../bench/lib/render';
import type { VectorizeResult } from '../engine';
import { ssim, type Raster } from '../engine/fidelity/index';
import { exportResult } from './export';
import { parseDrawing, type Ellipse } from '../engine/export/drawing';
import { shapesScene } from '../../bench/lib/shapes-scene';
import { vectorize } from './default-engine';
import {
  inkscapeToPng,
  readDxf,
  readPng,
  renderEps,
  renderPdf,
  vectorizedFixture,
  writeOut,
} from './export-readers';

let crab: VectorizeResult; // 200×200, several gradient fills
let shapes: VectorizeResult; // circles, ellipses and rotated rectangles
let centerline: VectorizeResult; // 128×128, wide round-capped strokes
let edges: VectorizeResult; // 128×128, strokeEdges: hairline round-capped strokes

beforeAll(async () => {
  crab = await vectorizedFixture('illustration/fluentemoji-crab.png', 200, { gradients: 'auto' });
  const { data, width, height } = shapesScene(3).image;
  shapes = await vectorize(new Uint8Array(data), width, height);
  centerline = await vectorizedFixture('logo/crypto-btc.png', 128, { mode: 'centerline' });
  edges = await vectorizedFixture('logo/twemoji-rocket.png', 128, { drawStyle: 'strokeEdges' });
});

/** The SVG at `scale` times its pixel size. */
const scaled = (svg: string, scale: number) =>
  svg.replace(
    /width="(\d+)" height="(\d+)"/,
    (_, w, h) => `width="${w * scale}" height="${h * scale}"`,
  );

/**
 * PDF and EPS of an SVG at `scale` times its pixel size, rendered back, its PNG (the core's
 * rasteriser) and the SVG's render (resvg).
 */
async function renders(svg: string, name: string, scale = 1) {
  const [w, h] = / viewBox="0 0 (\d+) (\d+)"/
    .exec(svg)!
    .slice(1)
    .map((v) => Number(v) * scale);
  const pdf = writeOut(`${name}.pdf`, (await exportResult({ svg }, 'pdf', { scale })).data);
  const eps = writeOut(`${name}.eps`, (await exportResult({ svg }, 'eps', { scale })).data);
  const png = writeOut(`${name}.png`, (await exportResult({ svg }, 'png', { scale })).data);
  return {
    png: await readPng(png),
    pdf: await renderPdf(pdf, w, h),
    // Ghostscript leaves the edges of shading fills aliased: see renderEps.
    eps: await renderEps(eps, 96, 4),
    svg: renderSvg(scaled(svg, scale)),
  };
}

/** A pixel over white paper (renders without a background are transparent there). */
function pixel(r: Raster, x: number, y: number): number[] {
  const i = (y * r.width + x) * 4;
  const a = r.data[i + 3] / 255;
  return [0, 1, 2].map((c) => Math.round(r.data[i + c] * a + 255 * (1 - a)));
}

/** The mean difference of two renders, in levels of 255 over every channel of every pixel. */
function meanDifference(a: Raster, b: Raster): number {
  expect([a.width, a.height]).toEqual([b.width, b.height]);
  let sum = 0;
  for (let i = 0; i < a.data.length; i++) sum += Math.abs(a.data[i] - b.data[i]);
  return sum / a.data.length;
}

function expectColor(raster: Raster, x: number, y: number, rgb: number[], what: string) {
  const got = pixel(raster, x, y);
  for (let c = 0; c < 3; c++)
    expect(Math.abs(got[c] - rgb[c]), `${what} at ${x},${y}: ${got}`).toBeLessThanOrEqual(4);
}

describe('gradients as smooth shadings', () => {
  it('a traced image with gradient fills renders (poppler, ghostscript) like its SVG', async () => {
    expect(crab.svg).toMatch(/<(linear|radial)Gradient /);
    const { png, pdf, eps, svg } = await renders(crab.svg, 'crab-gradients', 2);
    expect(ssim(png, svg)).toBeGreaterThanOrEqual(0.995);
    expect(meanDifference(png, svg)).toBeLessThan(1);
    expect(ssim(pdf, svg)).toBeGreaterThanOrEqual(0.99);
    expect(ssim(eps, svg)).toBeGreaterThanOrEqual(0.99);
    const pdfText = Buffer.from((await exportResult(crab, 'pdf')).data).toString('latin1');
    expect(pdfText).toMatch(/\/PatternType 2/);
    const epsText = new TextDecoder().decode((await exportResult(crab, 'eps')).data);
    expect(epsText).toContain('%%LanguageLevel: 3');
    expect(epsText).toContain('makepattern setpattern');
  });

  // Top: a linear ramp red → green (hard step) blue → white along x, through a gradientTransform
  // (scale 2 in x: the ramp runs from x 40 to 160), padded beyond its ends. Bottom: a radial
  // gradient yellow at the centre to dark blue at r 40, moved by a translate.
  const ramp =
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200" width="200" height="200">' +
    '<defs><linearGradient id="g0" gradientUnits="userSpaceOnUse" x1="20" y1="0" x2="80" y2="0" ' +
    'gradientTransform="scale(2 1)"><stop offset="0" stop-color="#f00"/>' +
    '<stop offset=".5" stop-color="#0f0"/><stop offset=".5" stop-color="#00f"/>' +
    '<stop offset="1" stop-color="#fff"/></linearGradient>' +
    '<radialGradient id="g1" gradientUnits="userSpaceOnUse" cx="0" cy="0" r="40" ' +
    'gradientTransform="translate(100 150)"><stop offset="0" stop-color="#ff0"/>' +
    '<stop offset="1" stop-color="#002050"/></radialGradient></defs>' +
    '<path fill="url(#g0)" d="M0 0h200v100h-200z"/><path fill="url(#g1)" d="M0 100h200v100h-200z"/>' +
    '</svg>';

  it('keeps the stops’ colours where the stops are, pads the ends, follows the transform', async () => {
    const { png, pdf, eps, svg } = await renders(ramp, 'ramp');
    for (const [raster, what] of [
      [svg, 'svg'],
      [png, 'png'],
      [pdf, 'pdf'],
      [eps, 'eps'],
    ] as const) {
      expectColor(raster, 10, 50, [255, 0, 0], what); // before x 40: the first stop
      // Pixel centres 95.5 and 105.5: t = 0.4625 (red → green) and 0.5458 (blue → white).
      expectColor(raster, 95, 50, [19, 236, 0], what);
      expectColor(raster, 105, 50, [23, 23, 255], what);
      expectColor(raster, 190, 50, [255, 255, 255], what); // after x 160: the last stop
      expectColor(raster, 100, 150, [254, 254, 1], what); // by the radial's centre (t ≈ 0.02)
      expectColor(raster, 10, 110, [0, 32, 80], what); // beyond r 40: the last stop
    }
    expect(ssim(pdf, svg)).toBeGreaterThanOrEqual(0.99);
    expect(ssim(eps, svg)).toBeGreaterThanOrEqual(0.99);
  });
});

describe('PNG: the core’s rasteriser', () => {
  it('paints circles, ellipses and turned rectangles as the SVG renders them', async () => {
    expect(shapes.svg).toMatch(/<circle /);
    const { png, svg } = await renders(shapes.svg, 'shapes', 3);
    expect(ssim(png, svg)).toBeGreaterThanOrEqual(0.995);
    expect(meanDifference(png, svg)).toBeLessThan(1);
  });

  it('paints translucent strokes and fills by their opacity', async () => {
    const translucent =
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 20" width="40" height="20">' +
      '<path fill="#0000ff" fill-opacity=".5" d="M0 0h20v20h-20z"/>' +
      '<g fill="none" stroke="#ff0000" stroke-width="4" stroke-opacity=".25">' +
      '<path d="M10 10h30"/></g></svg>';
    const { png, svg } = await renders(translucent, 'translucent');
    expect(meanDifference(png, svg)).toBeLessThan(0.5);
    // Half blue over nothing; a quarter red over it (alpha ¼ + ½·¾, red ¼ of it, blue ⅜ of it);
    // a quarter red alone; nothing. Straight alpha, within a level of rounding.
    const expectPixel = (x: number, y: number, rgba: number[]) => {
      const got = [...png.data.slice((y * 40 + x) * 4, (y * 40 + x) * 4 + 4)];
      for (let c = 0; c < 4; c++)
        expect(Math.abs(got[c] - rgba[c]), `${x},${y}: ${got}`).toBeLessThanOrEqual(1);
    };
    expectPixel(5, 5, [0, 0, 255, 128]);
    expectPixel(15, 10, [102, 0, 153, 159]);
    expectPixel(30, 10, [255, 0, 0, 64]);
    expectPixel(30, 2, [0, 0, 0, 0]);
  });
});

describe('DXF: circles and ellipses as CIRCLE and ELLIPSE', () => {
  /** The SVG's whole circles and ellipses (elements and holes), in mm, y up. */
  function svgEllipses(result: VectorizeResult, mmPerPx: number): Ellipse[] {
    const { height } = result.stats;
    return parseDrawing(result.svg)
      .shapes.filter((s) => s.fill)
      .flatMap((s) => s.subpaths.flatMap((p) => (p.ellipse ? [p.ellipse] : [])))
      .map((e) => ({
        cx: e.cx * mmPerPx,
        cy: (height - e.cy) * mmPerPx,
        rx: e.rx * mmPerPx,
        ry: e.ry * mmPerPx,
        rotation: -e.rotation,
      }));
  }

  it('writes them natively where the mode allows, at the SVG’s centres and radii', async () => {
    expect(shapes.svg).toMatch(/<circle /);
    expect(shapes.svg).toMatch(/<ellipse /);
    const width = 100; // mm
    const mmPerPx = width / shapes.stats.width;
    const expected = svgEllipses(shapes, mmPerPx);
    const circles = expected.filter((e) => e.rx === e.ry);
    const ellipses = expected.filter((e) => e.rx !== e.ry);
    expect(circles.length).toBeGreaterThan(0);
    expect(ellipses.length).toBeGreaterThan(0);
    for (const curves of ['lines', 'linesArcs', 'linesArcsSplines'] as const) {
      const file = await exportResult(shapes, 'dxf', { width: `${width}mm`, dxfCurves: curves });
      const report = readDxf(writeOut(`shapes-${curves}.dxf`, file.data));
      expect(report.errors, curves).toEqual([]);
      expect(report.fixes, curves).toEqual([]);
      const height = (shapes.stats.height * width) / shapes.stats.width;
      expect(report.extmin[0]).toBeCloseTo(0, 2);
      expect(report.extmin[1]).toBeCloseTo(0, 2);
      expect(report.extmax[0]).toBeCloseTo(width, 2);
      expect(report.extmax[1]).toBeCloseTo(height, 2);
      expect(report.circles.length, curves).toBe(curves === 'lines' ? 0 : circles.length);
      expect(report.ellipses.length, curves).toBe(
        curves === 'linesArcsSplines' ? ellipses.length : 0,
      );
      for (const circle of report.circles) {
        const match = circles.find(
          (e) => Math.hypot(e.cx - circle.center[0], e.cy - circle.center[1]) < 1e-4,
        );
        expect(match, JSON.stringify(circle)).toBeDefined();
        expect(circle.r).toBeCloseTo(match!.rx, 5);
      }
      for (const ellipse of report.ellipses) {
        const match = ellipses.find(
          (e) => Math.hypot(e.cx - ellipse.center[0], e.cy - ellipse.center[1]) < 1e-4,
        );
        expect(match, JSON.stringify(ellipse)).toBeDefined();
        const [major, minor] = [Math.max(match!.rx, match!.ry), Math.min(match!.rx, match!.ry)];
        expect(Math.hypot(...ellipse.major)).toBeCloseTo(major, 5);
        expect(ellipse.ratio).toBeCloseTo(minor / major, 5);
        // The major axis points along the ellipse's long axis (either way round).
        const angle = (Math.atan2(ellipse.major[1], ellipse.major[0]) * 180) / Math.PI;
        const long = match!.rotation + (match!.rx >= match!.ry ? 0 : 90);
        expect(Math.abs(Math.sin(((angle - long) * Math.PI) / 180))).toBeLessThan(1e-4);
      }
    }
  });
});

describe('strokes keep their round caps and joins', () => {
  it('centerline and strokeEdges results render like their SVG (PDF, EPS)', async () => {
    for (const [result, name] of [
      [centerline, 'centerline'],
      [edges, 'stroke-edges'],
    ] as const) {
      expect(result.svg).toContain('stroke-linecap="round"');
      const { png, pdf, eps, svg } = await renders(result.svg, name, 2);
      expect(ssim(png, svg), name).toBeGreaterThanOrEqual(0.995);
      expect(meanDifference(png, svg), name).toBeLessThan(1);
      expect(ssim(pdf, svg), name).toBeGreaterThanOrEqual(0.99);
      expect(ssim(eps, svg), name).toBeGreaterThanOrEqual(0.99);
    }
  });

  // A wide stroke ending at x 60 (round cap to x 80) and turning at (60, 20): the cap and the
  // round join paint where butt caps and miter joins would not, and leave a miter's corner bare.
  const stroke =
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 60" width="100" height="60">' +
    '<g fill="none" stroke="#000" stroke-linecap="round" stroke-linejoin="round">' +
    '<path stroke-width="20" d="M20 40h40v-20"/></g></svg>';

  it('paints the round cap and join (and no miter corner)', async () => {
    const { png, pdf, eps, svg } = await renders(stroke, 'round-caps');
    for (const [raster, what] of [
      [svg, 'svg'],
      [png, 'png'],
      [pdf, 'pdf'],
      [eps, 'eps'],
    ] as const) {
      expectColor(raster, 12, 40, [0, 0, 0], `${what} start cap`);
      expectColor(raster, 60, 12, [0, 0, 0], `${what} end cap`);
      expectColor(raster, 65, 45, [0, 0, 0], `${what} round join`);
      expectColor(raster, 69, 49, [255, 255, 255], `${what} no miter corner`);
      expectColor(raster, 11, 31, [255, 255, 255], `${what} no square cap`);
    }
  });

  it('DXF: strokes along their centre lines with their width, and says what it leaves out', async () => {
    const file = await exportResult(centerline, 'dxf', { width: '128mm' });
    const report = readDxf(writeOut('centerline.dxf', file.data));
    expect(report.errors).toEqual([]);
    expect(report.types.LWPOLYLINE).toBeGreaterThan(0);
    const drawing = parseDrawing(centerline.svg);
    const widths = drawing.shapes.map((s) => s.stroke!.width).sort((a, b) => a - b);
    // 1 px = 1 mm here.
    expect(report.widths.sort((a, b) => a - b)).toEqual(widths);
    expect(file.warnings.join(' ')).toMatch(/DXF lines have no caps or joins: \d+ strokes/);
    const gradients = await exportResult(crab, 'dxf');
    expect(gradients.warnings.join(' ')).toMatch(/DXF has no gradients: \d+ gradient paints/);
    expect((await exportResult(crab, 'pdf')).warnings).toEqual([]);
  });
});

describe('Inkscape opens the new entities and shadings', () => {
  it('gradient PDF and EPS, CIRCLE / ELLIPSE and stroke DXF', { timeout: 300_000 }, async () => {
    const files = [
      writeOut('ink-crab.pdf', (await exportResult(crab, 'pdf')).data),
      writeOut('ink-crab.eps', (await exportResult(crab, 'eps')).data),
      writeOut(
        'ink-shapes.dxf',
        (await exportResult(shapes, 'dxf', { dxfCurves: 'linesArcsSplines' })).data,
      ),
      writeOut('ink-centerline.dxf', (await exportResult(centerline, 'dxf')).data),
    ];
    for (const path of files) {
      const png = await readPng(inkscapeToPng(path));
      let painted = 0;
      for (let i = 3; i < png.data.length; i += 4) if (png.data[i] > 128) painted++;
      expect(painted, path).toBeGreaterThan(100); // not blank
    }
  });
});
