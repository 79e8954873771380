/**
 * Our own render of the engine's SVG, in a worker: a worker cannot decode SVG images, but its
 * `OffscreenCanvas` 2D context fills and strokes `Path2D`s. The SVG is read with the exporters'
 * parser (`parseDrawing`), so the render follows the same reading as PDF, EPS and DXF: flat and
 * gradient fills, strokes with their width, join, cap and opacity.
 */
import { CUBIC, type Drawing, type Rgb, type Subpath } from '../engine/export/drawing';
import type { Gradient } from '../engine/export/gradient';
import { apply, invert, type Matrix } from '../engine/export/transform';

const css = ([r, g, b]: Rgb, alpha = 1) => `rgba(${r},${g},${b},${alpha})`;

/** The subpaths as a `Path2D`, each point taken through `matrix` when one is given. */
function pathOf(subpaths: readonly Subpath[], matrix: Readonly<Matrix> | null): Path2D {
  const at = (x: number, y: number): [number, number] => (matrix ? apply(matrix, x, y) : [x, y]);
  const path = new Path2D();
  for (const subpath of subpaths) {
    path.moveTo(...at(subpath.startX, subpath.startY));
    const { kinds, coords } = subpath;
    let k = 0;
    for (const kind of kinds) {
      if (kind === CUBIC) {
        path.bezierCurveTo(
          ...at(coords[k], coords[k + 1]),
          ...at(coords[k + 2], coords[k + 3]),
          ...at(coords[k + 4], coords[k + 5]),
        );
        k += 6;
      } else {
        path.lineTo(...at(coords[k], coords[k + 1]));
        k += 2;
      }
    }
    if (subpath.closed) path.closePath();
  }
  return path;
}

/** The canvas gradient for `gradient` in its own space (before its gradientTransform). */
function canvasGradient(
  context: OffscreenCanvasRenderingContext2D,
  gradient: Gradient,
): CanvasGradient {
  const [a, b, c, d, e, f] = gradient.coords;
  const paint =
    gradient.kind === 'linear'
      ? context.createLinearGradient(a, b, c, d)
      : context.createRadialGradient(a, b, c, d, e, f);
  for (const stop of gradient.stops) paint.addColorStop(stop.offset, css(stop.color));
  return paint;
}

/**
 * Paints the outline (`subpaths`; `plain()` gives it untransformed) with `paint` (fill or stroke). A gradient's space is reached as PDF
 * does: the context takes the gradientTransform and the path the inverse, so the gradient and
 * the outline both land where the SVG puts them. A stroke's width is scaled back by the
 * transform's mean scale (exact for the rotations and uniform scales the core writes).
 */
function paintShape(
  context: OffscreenCanvasRenderingContext2D,
  subpaths: readonly Subpath[],
  plain: () => Path2D,
  gradient: Gradient | null,
  paint: (path: Path2D, gradient: CanvasGradient | null, scale: number) => void,
): void {
  const inverse = gradient && invert(gradient.transform);
  if (!gradient || !inverse) {
    paint(plain(), null, 1);
    return;
  }
  const [a, b, c, d, e, f] = gradient.transform;
  context.save();
  context.transform(a, b, c, d, e, f);
  paint(
    pathOf(subpaths, inverse),
    canvasGradient(context, gradient),
    Math.sqrt(Math.abs(a * d - b * c)),
  );
  context.restore();
}

/** The drawing painted at `width`×`height` pixels on a transparent background, as RGBA. */
export function renderDrawing(drawing: Drawing, width: number, height: number): Uint8ClampedArray {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('No 2D context for the fidelity render.');
  context.scale(width / drawing.width, height / drawing.height);
  for (const shape of drawing.shapes) {
    if (shape.subpaths.length === 0) continue;
    const { fill, stroke, subpaths } = shape;
    // Built once for a shape both filled and stroked.
    let untransformed: Path2D | undefined;
    const plain = () => (untransformed ??= pathOf(subpaths, null));
    if (fill && shape.opacity > 0)
      paintShape(context, subpaths, plain, shape.fillGradient, (path, gradient) => {
        context.globalAlpha = shape.opacity;
        context.fillStyle = gradient ?? css(fill);
        context.fill(path);
      });
    if (stroke && stroke.width > 0 && stroke.opacity > 0)
      paintShape(context, subpaths, plain, stroke.gradient, (path, gradient, scale) => {
        context.globalAlpha = stroke.opacity;
        context.strokeStyle = gradient ?? css(stroke.color);
        context.lineWidth = stroke.width / scale;
        context.lineJoin = stroke.join;
        context.lineCap = stroke.cap;
        context.stroke(path);
      });
  }
  return context.getImageData(0, 0, width, height).data;
}
