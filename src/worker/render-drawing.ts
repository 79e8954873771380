/**
 * Our own render of the engine's SVG, in a worker: a worker cannot decode SVG images, but its
 * `OffscreenCanvas` 2D context fills and strokes `Path2D`s. The SVG is read with the exporters'
 * parser (`parseDrawing`), so the render follows the same reading as PDF, EPS and DXF.
 */
import { CUBIC, type Drawing, type Rgb, type Shape } from '../engine/export/drawing';

const css = ([r, g, b]: Rgb, alpha = 1) => `rgba(${r},${g},${b},${alpha})`;

function shapePath(shape: Shape): Path2D {
  const path = new Path2D();
  for (const subpath of shape.subpaths) {
    path.moveTo(subpath.startX, subpath.startY);
    const { kinds, coords } = subpath;
    let k = 0;
    for (const kind of kinds) {
      if (kind === CUBIC) {
        path.bezierCurveTo(
          coords[k],
          coords[k + 1],
          coords[k + 2],
          coords[k + 3],
          coords[k + 4],
          coords[k + 5],
        );
        k += 6;
      } else {
        path.lineTo(coords[k], coords[k + 1]);
        k += 2;
      }
    }
    if (subpath.closed) path.closePath();
  }
  return path;
}

/** The drawing painted at `width`×`height` pixels on a transparent background, as RGBA. */
export function renderDrawing(drawing: Drawing, width: number, height: number): Uint8ClampedArray {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('No 2D context for the fidelity render.');
  context.scale(width / drawing.width, height / drawing.height);
  context.lineCap = 'round';
  for (const shape of drawing.shapes) {
    if (shape.subpaths.length === 0) continue;
    const path = shapePath(shape);
    if (shape.fill && shape.opacity > 0) {
      context.fillStyle = css(shape.fill, shape.opacity);
      context.fill(path);
    }
    if (shape.stroke && shape.stroke.width > 0) {
      context.strokeStyle = css(shape.stroke.color);
      context.lineWidth = shape.stroke.width;
      context.lineJoin = shape.stroke.join;
      context.stroke(path);
    }
  }
  return context.getImageData(0, 0, width, height).data;
}
