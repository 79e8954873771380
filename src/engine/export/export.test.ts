import { describe, expect, it } from 'vitest';
import { CUBIC, LINE, parseDrawing, parsePathData } from './drawing';
import { exportResult, formatFromPath, validateExportOptions } from './index';
import { parseLength, placeDrawing } from './units';

const MM = 72 / 25.4;
const svg =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100" width="200" height="100">' +
  '<path fill="#fff" d="M0 0h200v100h-200zm50 25v50h100v-50z"/>' +
  '<g stroke-linejoin="round" stroke-width="2"><path fill="#a81d33" fill-opacity=".5" ' +
  'd="M50 25h100v50h-100z"/><path fill="none" stroke="#a81d33" d="M50 25h100"/></g></svg>';
const result = { svg };
const text = async (...args: Parameters<typeof exportResult>) =>
  new TextDecoder().decode((await exportResult(...args)).data);

describe('lengths and placement', () => {
  it('parses lengths with units; a bare number is pixels', () => {
    expect(parseLength('85mm', 'width')).toEqual({ value: 85, unit: 'mm' });
    expect(parseLength(' 3 in ', 'width')).toEqual({ value: 3, unit: 'in' });
    expect(parseLength('200', 'height')).toEqual({ value: 200, unit: 'px' });
    expect(parseLength(12.5, 'height')).toEqual({ value: 12.5, unit: 'px' });
    expect(parseLength('1.5CM', 'width')).toEqual({ value: 1.5, unit: 'cm' });
  });

  it('follows the aspect for one side, fits inside and centres for both', () => {
    const one = placeDrawing(200, 100, { width: '100mm' });
    expect(one.pageWidth).toBeCloseTo(100 * MM, 9);
    expect(one.pageHeight).toBeCloseTo(50 * MM, 9);
    const both = placeDrawing(200, 100, { width: '100mm', height: '100mm' });
    expect(both.pageWidth / MM).toBeCloseTo(100, 9);
    expect(both.pageHeight / MM).toBeCloseTo(100, 9);
    expect(both.width / MM).toBeCloseTo(100, 9);
    expect(both.height / MM).toBeCloseTo(50, 9);
    expect(both.y / MM).toBeCloseTo(25, 9);
    expect(both.x).toBe(0);
    // No size: the image's pixels at the dpi; px lengths follow the dpi too.
    expect(placeDrawing(200, 100, {}).pageWidth).toBe(150);
    expect(placeDrawing(200, 100, { dpi: 300, width: 600 }).pageWidth).toBe(144);
    expect(placeDrawing(200, 100, { scale: 2 }).pageHeight).toBe(150);
  });
});

describe('bad requests name the option', () => {
  const cases: [string, unknown, Record<string, unknown>, RegExp][] = [
    ['an unknown format', 'tiff', {}, /"format" must be one of svg, pdf, eps, dxf, png/],
    ['a zero width', 'pdf', { width: '0mm' }, /"width" must be a length above 0/],
    ['a negative height', 'pdf', { height: -5 }, /"height" must be a length above 0/],
    ['NaN', 'pdf', { width: NaN }, /"width" must be a length above 0 \(got null\)/],
    ['a unit typo', 'pdf', { width: '85 mmm' }, /"width" has the unit "mmm", which is not one of/],
    ['not a length', 'pdf', { height: 'big' }, /"height" must be a length such as 85mm/],
    ['a zero dpi', 'png', { dpi: 0 }, /"dpi" must be a number above 0/],
    ['an unknown option', 'svg', { widht: '3in' }, /"widht" is not an export option/],
    ['a bad curve mode', 'dxf', { dxfCurves: 'arcs' }, /"dxfCurves" must be one of lines/],
    ['a huge page', 'pdf', { width: '10m' }, /unit "m"/],
    ['over 200 inches', 'pdf', { width: '6000mm' }, /"width" makes a side of 236.2 in/],
  ];
  for (const [what, format, options, message] of cases)
    it(what, async () => {
      const failure = exportResult(result, format as 'pdf', options);
      await expect(failure).rejects.toMatchObject({ code: 'INVALID_OPTION', message });
      expect(() => validateExportOptions(format, options)).toThrow(message);
    });

  it('PNG without a rasteriser, and over the pixel budget', async () => {
    await expect(exportResult(result, 'png')).rejects.toMatchObject({
      code: 'INVALID_OPTION',
      option: 'rasterize',
    });
    let called = false;
    const rasterize = () => ((called = true), new Uint8Array());
    await expect(
      exportResult(result, 'png', { width: '10in', dpi: 300, maxPixels: 1_000_000, rasterize }),
    ).rejects.toMatchObject({ code: 'TOO_LARGE', message: /3000×1500 \(4.5 MP\)/ });
    expect(called).toBe(false);
  });
});

describe('the engine SVG read back', () => {
  it('reads relative commands, shortest numbers and implicit repeats', () => {
    const [a, b] = parsePathData('M1 2l.5-.5.5 1.5h-1v2c1 0 1 1 0 1 0 0-1 0-1-1zm3 0L9 9');
    expect([a.startX, a.startY, a.closed]).toEqual([1, 2, true]);
    expect(a.kinds).toEqual([LINE, LINE, LINE, LINE, CUBIC, CUBIC]);
    expect(a.coords.slice(0, 8)).toEqual([1.5, 1.5, 2, 3, 1, 3, 1, 5]);
    expect(a.coords.slice(8, 14)).toEqual([2, 5, 2, 6, 1, 6]);
    expect(a.coords.slice(14)).toEqual([1, 6, 0, 6, 0, 5]);
    // After z the pen is back at the subpath's start: m is relative to (1, 2).
    expect([b.startX, b.startY, b.closed, b.coords]).toEqual([4, 2, false, [9, 9]]);
  });

  it('keeps fills, opacity and the seam strokes with their inherited width and join', () => {
    const drawing = parseDrawing(svg);
    expect([drawing.width, drawing.height]).toEqual([200, 100]);
    expect(drawing.shapes.map((s) => [s.fill, s.opacity, s.stroke])).toEqual([
      [[255, 255, 255], 1, null],
      [[168, 29, 51], 0.5, null],
      [
        null,
        1,
        {
          color: [168, 29, 51],
          gradient: null,
          width: 2,
          join: 'round',
          cap: 'butt',
          opacity: 1,
          seam: true,
        },
      ],
    ]);
    expect(drawing.shapes[0].subpaths).toHaveLength(2);
  });

  it('refuses what the engine does not write', () => {
    expect(() => parsePathData('M0 0q1 1 2 2')).toThrow(/path command "q"/);
    expect(() => parseDrawing('<svg viewBox="0 0 1 1"><polygon points="0 0 1 1"/></svg>')).toThrow(
      /<polygon>/,
    );
    expect(() => parseDrawing('<svg><path d="M0 0"/></svg>')).toThrow(/viewBox/);
  });
});

describe('formats', () => {
  it('SVG: width and height in the asked units, the same viewBox', async () => {
    const out = await text(result, 'svg', { width: '85mm' });
    expect(out).toMatch(/^<svg width="85mm" height="42.5mm" xmlns=[^>]* viewBox="0 0 200 100">/);
    expect(out.slice(out.indexOf('>'))).toBe(svg.slice(svg.indexOf('>')));
    expect(await text(result, 'svg')).toContain('width="200" height="100"');
    expect(await text(result, 'svg', { width: '2in', height: '3cm' })).toContain(
      'width="2in" height="3cm"',
    );
  });

  it('PDF: the MediaBox in points, transparency as an ExtGState', async () => {
    const file = await exportResult(result, 'pdf', { width: '100mm', height: '100mm' });
    const pdf = new TextDecoder('latin1').decode(file.data);
    expect(pdf).toContain('/MediaBox [0 0 283.4646 283.4646]');
    expect(pdf).toContain('/ExtGState << /a0 6 0 R >>');
    expect(pdf).toContain('<< /Type /ExtGState /ca 0.5 >>');
    expect(file).toMatchObject({ mimeType: 'application/pdf', extension: '.pdf' });
  });

  it('EPS: boxes round outwards; translucent fills mixed with white; strokes kept', async () => {
    const eps = await text(result, 'eps', { width: '100.2pt' });
    expect(eps).toMatch(/^%%BoundingBox: 0 0 101 51$/m);
    expect(eps).toMatch(/^%%HiResBoundingBox: 0 0 100.2 50.1$/m);
    expect(eps).toContain('0.8314 0.5569 0.6 rg'); // #a81d33 at 50 % over white
    expect(eps).toMatch(/0.6588 0.1137 0.2 RG\n2 w 1 j 0 J\n50 25 m\n150 25 l\nS/);
  });

  it('DXF: mm, y up, a layer per colour, closed loops with holes, no seam strokes', async () => {
    const dxf = await text(result, 'dxf', { width: '200mm' });
    const pairs = dxf.trimEnd().split('\n');
    const value = (name: string) => pairs[pairs.indexOf(name) + 2];
    expect(value('$INSUNITS')).toBe('4');
    expect(value('$ACADVER')).toBe('AC1018');
    expect(dxf).toContain('\n2\n#ffffff\n70\n0\n62\n7\n420\n16777215\n');
    expect(dxf).toContain('\n2\n#a81d33\n');
    expect(dxf.match(/\nLWPOLYLINE\n/g)).toHaveLength(3);
    // The hole 50,25–150,75 (px) in mm, flipped: y = 100 − y.
    expect(dxf).toContain('10\n50\n20\n75\n10\n50\n20\n25\n10\n150\n20\n25\n10\n150\n20\n75');
    expect(formatFromPath('out/x.DXF')).toBe('dxf');
    expect(formatFromPath('x.svgz')).toBeUndefined();
  });
});
