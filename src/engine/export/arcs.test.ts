import { describe, expect, it } from 'vitest';
import { CUBIC, LINE, parseDrawing, type Subpath } from './drawing';
import { exportResult } from './index';

/** Points along every cubic of a subpath (t = 0.25, 0.5, 0.75) and its ends. */
function samples(path: Subpath): [number, number][] {
  const out: [number, number][] = [[path.startX, path.startY]];
  let [x, y] = [path.startX, path.startY];
  let at = 0;
  for (const kind of path.kinds) {
    if (kind === CUBIC) {
      const [x1, y1, x2, y2, x3, y3] = path.coords.slice(at, at + 6);
      for (const t of [0.25, 0.5, 0.75, 1]) {
        const s = 1 - t;
        const b = [s * s * s, 3 * s * s * t, 3 * s * t * t, t * t * t];
        out.push([
          b[0] * x + b[1] * x1 + b[2] * x2 + b[3] * x3,
          b[0] * y + b[1] * y1 + b[2] * y2 + b[3] * y3,
        ]);
      }
      [x, y] = [x3, y3];
      at += 6;
    } else {
      [x, y] = path.coords.slice(at, at + 2) as [number, number];
      out.push([x, y]);
      at += 2;
    }
  }
  return out;
}

const wrap = (body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" width="100" height="100">${body}</svg>`;

describe('primitives and arcs in the exporters', () => {
  it('reads a circle as cubics on the circle', () => {
    const [shape] = parseDrawing(wrap('<circle cx="40" cy="50" r="20" fill="#f00"/>')).shapes;
    expect(shape.fill).toEqual([255, 0, 0]);
    for (const [x, y] of samples(shape.subpaths[0]))
      expect(Math.abs(Math.hypot(x - 40, y - 50) - 20)).toBeLessThan(0.01);
  });

  it('reads a rotated ellipse as cubics on the ellipse', () => {
    const svg = wrap('<ellipse cx="50" cy="50" rx="30" ry="10" transform="rotate(30 50 50)"/>');
    const t = (30 * Math.PI) / 180;
    for (const [x, y] of samples(parseDrawing(svg).shapes[0].subpaths[0])) {
      const [dx, dy] = [x - 50, y - 50];
      const [u, v] = [dx * Math.cos(t) + dy * Math.sin(t), -dx * Math.sin(t) + dy * Math.cos(t)];
      expect(Math.abs((u / 30) ** 2 + (v / 10) ** 2 - 1)).toBeLessThan(0.002);
    }
  });

  it('reads a rotated rect as its four corners', () => {
    const svg = wrap('<rect x="40" y="45" width="20" height="10" transform="rotate(90 50 50)"/>');
    const path = parseDrawing(svg).shapes[0].subpaths[0];
    const corners = samples(path).map(([x, y]) => [
      Math.round(x * 1e6) / 1e6,
      Math.round(y * 1e6) / 1e6,
    ]);
    expect(corners).toEqual([
      [55, 40],
      [55, 60],
      [45, 60],
      [45, 40],
    ]);
  });

  it('reads a rotated rect with rounded corners as lines and quarter circles on its outline', () => {
    const svg = wrap(
      '<rect x="40" y="45" width="30" height="16" rx="4" transform="rotate(30 55 53)"/>',
    );
    const path = parseDrawing(svg).shapes[0].subpaths[0];
    expect(path.kinds.filter((k) => k === LINE)).toHaveLength(4);
    expect(path.kinds.filter((k) => k === CUBIC)).toHaveLength(4);
    const t = (30 * Math.PI) / 180;
    for (const [x, y] of samples(path)) {
      // In the rect's own frame: on a straight side, or 4 from a corner's centre.
      const [dx, dy] = [x - 55, y - 53];
      const [u, v] = [dx * Math.cos(t) + dy * Math.sin(t), -dx * Math.sin(t) + dy * Math.cos(t)];
      const [au, av] = [Math.abs(u) - 11, Math.abs(v) - 4];
      const off = au > 0 && av > 0 ? Math.hypot(au, av) - 4 : Math.max(au, av) - 4;
      expect(Math.abs(off)).toBeLessThan(0.01);
    }
  });

  it('reads relative arc commands (a hole of two half circles)', () => {
    const svg = wrap('<path d="M0 0h100v100h-100zm70 50a20 20 0 1 0-40 0a20 20 0 1 0 40 0z"/>');
    const hole = parseDrawing(svg).shapes[0].subpaths[1];
    expect(hole.kinds.every((k) => k === CUBIC)).toBe(true);
    for (const [x, y] of samples(hole))
      expect(Math.abs(Math.hypot(x - 50, y - 50) - 20)).toBeLessThan(0.01);
  });

  it('refuses a transform it cannot draw', () => {
    expect(() => parseDrawing(wrap('<rect width="5" height="5" transform="scale(2)"/>'))).toThrow(
      /rotate/,
    );
  });

  it('exports a circle to PDF, EPS and DXF', async () => {
    const result = { svg: wrap('<circle cx="50" cy="50" r="30" fill="#123456"/>') };
    for (const format of ['pdf', 'eps', 'dxf'] as const) {
      const out = await exportResult(result, format, {});
      expect(out.data.length).toBeGreaterThan(100);
    }
  });

  it('knows a whole circle or ellipse, as an element or as a hole of two arcs', () => {
    const { shapes } = parseDrawing(
      wrap(
        '<path fill="#000" d="M0 0h100v100h-100zM60 50a10 10 0 1 0-20 0 10 10 0 1 0 20 0z' +
          'M75 20a15 5 30 1 1-25.98-15 15 5 30 1 1 25.98 15zM0 0a5 5 0 1 1 10 0z"/>' +
          '<ellipse cx="20" cy="30" rx="8" ry="3" transform="rotate(10 20 30)"/>',
      ),
    );
    const [outer, circle, ellipse, half] = shapes[0].subpaths;
    expect(outer.ellipse).toBeUndefined();
    expect(circle.ellipse).toEqual({ cx: 50, cy: 50, rx: 10, ry: 10, rotation: 0 });
    expect(ellipse.ellipse).toMatchObject({ rx: 15, ry: 5, rotation: 30 });
    expect(ellipse.ellipse!.cx).toBeCloseTo(62.01, 6);
    expect(half.ellipse).toBeUndefined(); // one arc is not a whole ellipse
    expect(shapes[1].subpaths[0].ellipse).toEqual({ cx: 20, cy: 30, rx: 8, ry: 3, rotation: 10 });
  });

  it('DXF: CIRCLE and ELLIPSE where the mode takes them, polylines otherwise', async () => {
    const result = {
      svg: wrap(
        '<circle cx="50" cy="50" r="30" fill="#123456"/>' +
          '<ellipse cx="20" cy="30" rx="8" ry="3" fill="#123456"/>',
      ),
    };
    const entities = async (dxfCurves: 'lines' | 'linesArcs' | 'linesArcsSplines') => {
      const file = await exportResult(result, 'dxf', { width: '100mm', dxfCurves });
      const text = new TextDecoder().decode(file.data);
      return [...text.matchAll(/\n0\n(CIRCLE|ELLIPSE|LWPOLYLINE|SPLINE)\n/g)].map((m) => m[1]);
    };
    expect(await entities('lines')).toEqual(['LWPOLYLINE', 'LWPOLYLINE']);
    expect(await entities('linesArcs')).toEqual(['CIRCLE', 'LWPOLYLINE']);
    expect(await entities('linesArcsSplines')).toEqual(['CIRCLE', 'ELLIPSE']);
  });
});
