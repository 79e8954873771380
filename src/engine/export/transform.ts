/**
 * SVG transform lists (`matrix`, `translate`, `scale`, `rotate`, `skewX`, `skewY`) as one affine
 * matrix `[a, b, c, d, e, f]`: a point (x, y) goes to (a x + c y + e, b x + d y + f), the order of
 * SVG's `matrix()` and of PDF's `cm`.
 */
export type Matrix = [number, number, number, number, number, number];

export const IDENTITY: Readonly<Matrix> = [1, 0, 0, 1, 0, 0];

/** `outer ∘ inner`: the matrix that applies `inner` first, then `outer`. */
export function multiply(outer: Readonly<Matrix>, inner: Readonly<Matrix>): Matrix {
  const [a, b, c, d, e, f] = outer;
  const [p, q, r, s, t, u] = inner;
  return [
    a * p + c * q,
    b * p + d * q,
    a * r + c * s,
    b * r + d * s,
    a * t + c * u + e,
    b * t + d * u + f,
  ];
}

const FUNCTION = /\s*([a-zA-Z]+)\s*\(([^)]*)\)\s*,?/y;

function step(name: string, v: number[]): Matrix | null {
  const rad = (deg: number) => (deg * Math.PI) / 180;
  switch (name) {
    case 'matrix':
      return v.length === 6 ? (v as Matrix) : null;
    case 'translate':
      return v.length === 1 || v.length === 2 ? [1, 0, 0, 1, v[0], v[1] ?? 0] : null;
    case 'scale':
      return v.length === 1 || v.length === 2 ? [v[0], 0, 0, v[1] ?? v[0], 0, 0] : null;
    case 'rotate': {
      if (v.length !== 1 && v.length !== 3) return null;
      const [cos, sin] = [Math.cos(rad(v[0])), Math.sin(rad(v[0]))];
      const [x, y] = [v[1] ?? 0, v[2] ?? 0];
      // translate(x y) rotate(a) translate(-x -y)
      return [cos, sin, -sin, cos, x - cos * x + sin * y, y - sin * x - cos * y];
    }
    case 'skewX':
      return v.length === 1 ? [1, 0, Math.tan(rad(v[0])), 1, 0, 0] : null;
    case 'skewY':
      return v.length === 1 ? [1, Math.tan(rad(v[0])), 0, 1, 0, 0] : null;
  }
  return null;
}

/** A transform list as one matrix, or null when it is not one SVG can hold. */
export function parseTransform(text: string | undefined): Matrix | null {
  let matrix: Matrix = [...IDENTITY];
  if (text === undefined || text.trim() === '') return matrix;
  FUNCTION.lastIndex = 0;
  let at = 0;
  while (at < text.length) {
    if (text.slice(at).trim() === '') break;
    FUNCTION.lastIndex = at;
    const match = FUNCTION.exec(text);
    if (!match) return null;
    const values =
      match[2].trim() === ''
        ? []
        : match[2]
            .trim()
            .split(/[\s,]+/)
            .map(Number);
    if (values.some((v) => !Number.isFinite(v))) return null;
    const next = step(match[1], values);
    if (!next) return null;
    matrix = multiply(matrix, next);
    at = FUNCTION.lastIndex;
  }
  return matrix;
}

/** The matrix that undoes `matrix`, or null when it is singular (it flattens the plane). */
export function invert(matrix: Readonly<Matrix>): Matrix | null {
  const [a, b, c, d, e, f] = matrix;
  const det = a * d - b * c;
  if (!Number.isFinite(det) || Math.abs(det) < 1e-12) return null;
  return [d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det];
}

/** Where `matrix` takes (x, y). */
export function apply(matrix: Readonly<Matrix>, x: number, y: number): [number, number] {
  const [a, b, c, d, e, f] = matrix;
  return [a * x + c * y + e, b * x + d * y + f];
}
