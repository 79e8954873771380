// The exporters through the real engine on real images, checked by the programs that read these
// formats: poppler (pdfinfo, pdftoppm), ghostscript, ezdxf and Inkscape.
import { rmSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderSvg } from '../../bench/lib/render';
import { ssim } from '../engine/fidelity/index';
import type { VectorizeResult } from '../engine';
import { CUBIC, hexColor, parseDrawing } from '../engine/export/drawing';
import { exportResult } from './export';
import {
  EXPORT_DIR,
  inkscapeToPng,
  markedBox,
  readDxf,
  readPng,
  renderEps,
  renderPdf,
  run,
  vectorizedFixture,
  writeOut,
} from './export-readers';

const MM = 72 / 25.4;
let logo: VectorizeResult; // 128×128, flat colours
let photo: VectorizeResult; // 150×100, many colours, seams

beforeAll(async () => {
  rmSync(EXPORT_DIR, { recursive: true, force: true });
  [logo, photo] = await Promise.all([
    vectorizedFixture('logo/twemoji-rocket.png', 128),
    vectorizedFixture('photo/skimage-chelsea.png', 150),
  ]);
});

const pageSize = (pdf: string) => {
  const match = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(run('pdfinfo', [pdf]));
  return { width: Number(match![1]), height: Number(match![2]) };
};

async function exported(
  result: VectorizeResult,
  format: Parameters<typeof exportResult>[1],
  name: string,
  options: Parameters<typeof exportResult>[2] = {},
) {
  const file = await exportResult(result, format, options);
  return { file, path: writeOut(`${name}.${format}`, file.data) };
}

/** The SVG rendered by resvg at `scale` times its pixel size. */
function svgRender(result: VectorizeResult, scale: number) {
  const { width, height } = result.stats;
  return renderSvg(
    result.svg.replace(
      /width="\d+" height="\d+"/,
      `width="${width * scale}" height="${height * scale}"`,
    ),
  );
}

describe('PDF', () => {
  it('has a page of exactly the requested size (pdfinfo, ±0.1 mm)', async () => {
    const oneSide = await exported(photo, 'pdf', 'width-85mm', { width: '85mm' });
    const page = pageSize(oneSide.path);
    expect(Math.abs(page.width / MM - 85)).toBeLessThan(0.1);
    expect(Math.abs(page.height / MM - (85 * 100) / 150)).toBeLessThan(0.1);

    const both = await exported(photo, 'pdf', 'a6', { width: '105mm', height: '14.8cm' });
    const a6 = pageSize(both.path);
    expect(Math.abs(a6.width / MM - 105)).toBeLessThan(0.1);
    expect(Math.abs(a6.height / MM - 148)).toBeLessThan(0.1);

    const inches = await exported(logo, 'pdf', 'height-3in', { height: '3in' });
    expect(pageSize(inches.path)).toEqual({ width: 216, height: 216 });
  });

  it('renders (poppler) like the SVG renders (resvg), SSIM ≥ 0.99', async () => {
    for (const [result, name] of [
      [logo, 'logo'],
      [photo, 'photo'],
    ] as const) {
      const { path } = await exported(result, 'pdf', `render-${name}`, { scale: 2 });
      const { width, height } = result.stats;
      const poppler = await renderPdf(path, width * 2, height * 2);
      expect(ssim(poppler, svgRender(result, 2)), name).toBeGreaterThanOrEqual(0.99);
    }
  });

  it('is a compressed PDF 1.4 with vector paths', async () => {
    const { file } = await exported(photo, 'pdf', 'structure');
    const text = Buffer.from(file.data).toString('latin1');
    expect(text.startsWith('%PDF-1.4\n')).toBe(true);
    expect(text).toContain('/Filter /FlateDecode');
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(file.data.length).toBeLessThan(Buffer.byteLength(photo.svg));
  });
});

describe('EPS', () => {
  it('declares the right bounding boxes and renders (ghostscript) like the SVG, SSIM ≥ 0.99', async () => {
    // 150×100 px at 96 dpi = 112.5×75 pt: the whole-point box rounds outwards.
    const { path, file } = await exported(photo, 'eps', 'photo');
    const text = Buffer.from(file.data).toString('latin1');
    expect(text.split('\n')[0]).toBe('%!PS-Adobe-3.0 EPSF-3.0');
    expect(text).toMatch(/^%%BoundingBox: 0 0 113 75$/m);
    expect(text).toMatch(/^%%HiResBoundingBox: 0 0 112.5 75$/m);
    // What ghostscript finds marked lies within the declared box and fills it.
    const [x0, y0, x1, y1] = markedBox(path);
    expect(x0).toBeGreaterThanOrEqual(-0.1);
    expect(y0).toBeGreaterThanOrEqual(-0.1);
    expect(x1).toBeLessThanOrEqual(112.5 + 0.1);
    expect(y1).toBeLessThanOrEqual(75 + 0.1);
    expect(x1 - x0).toBeGreaterThan(112);
    expect(y1 - y0).toBeGreaterThan(74.5);

    for (const [result, name] of [
      [logo, 'logo'],
      [photo, 'photo'],
    ] as const) {
      // 96 pt per 128 px: at 192 dpi the page is exactly twice the pixel size.
      const { path: eps } = await exported(result, 'eps', `render-${name}`, {
        width: `${result.stats.width * 2}`,
        dpi: 192,
      });
      const gs = await renderEps(eps, 192);
      expect([gs.width, gs.height]).toEqual([result.stats.width * 2, result.stats.height * 2]);
      expect(ssim(gs, svgRender(result, 2)), name).toBeGreaterThanOrEqual(0.99);
    }
  });
});

/** Each filled loop's signed area in mm² by colour, from the engine's SVG (curves finely flattened). */
function svgLoopAreas(result: VectorizeResult, mmPerPx: number): Record<string, number[]> {
  const areas: Record<string, number[]> = {};
  for (const shape of parseDrawing(result.svg).shapes) {
    if (!shape.fill) continue;
    for (const path of shape.subpaths) {
      const points: [number, number][] = [[path.startX, path.startY]];
      let k = 0;
      for (const kind of path.kinds) {
        const c = path.coords;
        if (kind === CUBIC) {
          const [x0, y0] = points[points.length - 1];
          for (let i = 1; i <= 32; i++) {
            const t = i / 32;
            const u = 1 - t;
            const w = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
            points.push([
              w[0] * x0 + w[1] * c[k] + w[2] * c[k + 2] + w[3] * c[k + 4],
              w[0] * y0 + w[1] * c[k + 1] + w[2] * c[k + 3] + w[3] * c[k + 5],
            ]);
          }
          k += 6;
        } else {
          points.push([c[k], c[k + 1]]);
          k += 2;
        }
      }
      let twice = 0;
      for (let i = 0; i < points.length; i++) {
        const [xa, ya] = points[i];
        const [xb, yb] = points[(i + 1) % points.length];
        twice += xa * yb - xb * ya;
      }
      // y down here, y up in the DXF: the same loop has the opposite sign.
      (areas[hexColor(shape.fill)] ??= []).push((-twice / 2) * mmPerPx * mmPerPx);
    }
  }
  return areas;
}

function expectSameLoops(read: Record<string, number[]>, expected: Record<string, number[]>) {
  expect(Object.keys(read).sort()).toEqual(Object.keys(expected).sort());
  for (const [layer, areas] of Object.entries(expected)) {
    const got = read[layer].map(Math.abs).sort((a, b) => a - b);
    const want = areas.map(Math.abs).sort((a, b) => a - b);
    expect(got.length, layer).toBe(want.length);
    const total = want.reduce((a, b) => a + b, 0);
    // Holes are reversed loops: both readings agree on which loops are holes.
    expect(read[layer].filter((a) => a < 0).length, layer).toBe(areas.filter((a) => a < 0).length);
    // Each loop's area within 0.5 % of the layer's total (tiny loops are pixels wide).
    for (let i = 0; i < want.length; i++)
      expect(Math.abs(got[i] - want[i]), layer).toBeLessThanOrEqual(total * 0.005 + 1e-6);
  }
}

describe('DXF', () => {
  for (const curves of ['lines', 'linesArcsSplines'] as const)
    it(`reads cleanly in ezdxf, in mm, at the requested size, every loop drawn back (${curves})`, async () => {
      const { path } = await exported(photo, 'dxf', `photo-${curves}`, {
        width: '85mm',
        dxfCurves: curves,
      });
      const report = readDxf(path);
      expect(report.errors).toEqual([]);
      expect(report.fixes).toEqual([]);
      expect(report.insunits).toBe(4);
      expect(report.acadver).toBe('AC1018');
      const size = [report.extmax[0] - report.extmin[0], report.extmax[1] - report.extmin[1]];
      expect(Math.abs(size[0] / 85 - 1)).toBeLessThan(0.005);
      expect(Math.abs(size[1] / ((85 * 100) / 150) - 1)).toBeLessThan(0.005);
      expect(report.extmin[0]).toBeCloseTo(0, 1);
      expect(report.extmin[1]).toBeCloseTo(0, 1);
      expect(report.open).toBe(0);

      // One layer per colour, named by its hex, in that colour.
      const colours = new Set(
        parseDrawing(photo.svg).shapes.flatMap((s) => (s.fill ? [hexColor(s.fill)] : [])),
      );
      for (const hex of colours) {
        const rgb = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
        expect(report.layers[hex]?.rgb, hex).toEqual(rgb);
      }
      const expected = svgLoopAreas(photo, 85 / 150);
      if (curves === 'lines') {
        expect(Object.keys(report.types)).toEqual(['LWPOLYLINE']);
        expect(report.closedPolylines).toBe(Object.values(expected).flat().length);
        expectSameLoops(report.loops, expected);
      } else {
        // Chained entities close early where a loop touches its own start, so compare each
        // colour's net area (signed: holes count negative), which such a split keeps.
        expect(report.types.SPLINE).toBeGreaterThan(0);
        expect(report.splinesOk).toBe(true);
        const sum = (areas: number[]) => areas.reduce((a, b) => a + b, 0);
        for (const [layer, areas] of Object.entries(expected))
          expect(Math.abs(sum(report.loops[layer]) / sum(areas) - 1), layer).toBeLessThan(0.005);
      }
    });
});

describe('PNG', () => {
  it('has the requested size and matches the SVG render', async () => {
    const sized = await exported(photo, 'png', 'photo-2in', { width: '2in', dpi: 150 });
    const png = await readPng(sized.path);
    expect([png.width, png.height]).toEqual([300, 200]);
    expect(sized.file.pixels).toEqual({ width: 300, height: 200 });
    expect(ssim(png, svgRender(photo, 2))).toBeGreaterThanOrEqual(0.99);
    // An independent renderer agrees too.
    const pdf = await exported(photo, 'pdf', 'photo-2in-ref', { width: '2in' });
    expect(ssim(png, await renderPdf(pdf.path, 300, 200))).toBeGreaterThanOrEqual(0.99);

    const own = await readPng((await exported(logo, 'png', 'logo')).path);
    expect(ssim(own, svgRender(logo, 1))).toBeGreaterThanOrEqual(0.995);
  });

  it('refuses a PNG over the pixel budget with TOO_LARGE', async () => {
    await expect(
      exportResult(photo, 'png', { width: '100in', dpi: 600, maxPixels: 40_000_000 }),
    ).rejects.toMatchObject({ code: 'TOO_LARGE', message: /60000×40000.*maxPixels/ });
  });
});

describe('Inkscape opens what we write', () => {
  it('PDF, EPS and DXF, exported to PNG from the command line', { timeout: 300_000 }, async () => {
    for (const format of ['pdf', 'eps', 'dxf'] as const) {
      const { path } = await exported(logo, format, `inkscape`, { width: '30mm' });
      const png = await readPng(inkscapeToPng(path));
      expect(png.width, format).toBeGreaterThan(50);
      // Not blank: the rocket's blue is there.
      let blue = 0;
      for (let i = 0; i < png.data.length; i += 4)
        if (png.data[i + 3] > 128 && png.data[i + 2] > png.data[i] + 60) blue++;
      expect(blue, format).toBeGreaterThan(100);
    }
  });
});
