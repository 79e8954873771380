/**
 * A drawing as the scene the core's rasteriser paints (`vz_render_png`, see
 * `wasm-core/src/raster/scene.rs` for the layout): one list of numbers holding the device
 * placement (the drawing fitted inside width × height pixels and centred, as SVG's default
 * `preserveAspectRatio` does), the gradients, and per fill and per stroke a layer with its
 * paint, its stroke style and its subpaths in user space. `coreRasterizer` is the exporters'
 * PNG rasteriser built on it, used by the Node library and the app's worker.
 */
import type { Engine } from '../engine';
import { CUBIC, parseDrawing, type Drawing, type Rgb, type Subpath } from './drawing';
import type { Gradient } from './gradient';
import type { Rasterizer } from './png';

const JOIN_CODES = { round: 0, miter: 1, bevel: 2 } as const;
const CAP_CODES = { butt: 0, round: 1, square: 2 } as const;

interface Layer {
  colour: Rgb;
  gradient: Gradient | null;
  opacity: number;
  stroke: { width: number; join: keyof typeof JOIN_CODES; cap: keyof typeof CAP_CODES } | null;
  subpaths: Subpath[];
}

function layersOf(drawing: Drawing): Layer[] {
  const layers: Layer[] = [];
  for (const shape of drawing.shapes) {
    if (shape.fill && shape.opacity > 0)
      layers.push({
        colour: shape.fill,
        gradient: shape.fillGradient,
        opacity: shape.opacity,
        stroke: null,
        subpaths: shape.subpaths,
      });
    const { stroke } = shape;
    if (stroke && stroke.opacity > 0 && stroke.width > 0)
      layers.push({
        colour: stroke.color,
        gradient: stroke.gradient,
        opacity: stroke.opacity,
        stroke,
        subpaths: shape.subpaths,
      });
  }
  return layers;
}

/** The scene of `drawing` painted at `width` × `height` pixels. */
export function rasterScene(drawing: Drawing, width: number, height: number): Float64Array {
  const scale = Math.min(width / drawing.width, height / drawing.height);
  const layers = layersOf(drawing);
  // One gradient per layer that uses one: the core gives each layer its own shader.
  const gradients = layers.flatMap((layer) => (layer.gradient ? [layer.gradient] : []));
  const out: number[] = [
    width,
    height,
    scale,
    (width - drawing.width * scale) / 2,
    (height - drawing.height * scale) / 2,
    gradients.length,
    layers.length,
  ];
  for (const g of gradients) {
    // Six coordinates either way: a linear gradient's four, then two unused.
    out.push(g.kind === 'linear' ? 0 : 1, ...[...g.coords, 0, 0].slice(0, 6));
    out.push(...g.transform, g.stops.length);
    for (const stop of g.stops) out.push(stop.offset, ...stop.color);
  }
  let gradientIndex = 0;
  for (const layer of layers) {
    const { stroke } = layer;
    out.push(
      ...layer.colour,
      layer.opacity,
      layer.gradient ? gradientIndex++ : -1,
      stroke ? 1 : 0,
      stroke ? stroke.width : 0,
      stroke ? JOIN_CODES[stroke.join] : 0,
      stroke ? CAP_CODES[stroke.cap] : 0,
      layer.subpaths.length,
    );
    for (const subpath of layer.subpaths) {
      out.push(subpath.closed ? 1 : 0, subpath.kinds.length, subpath.startX, subpath.startY);
      const { kinds, coords } = subpath;
      let k = 0;
      for (const kind of kinds) {
        const n = kind === CUBIC ? 6 : 2;
        out.push(kind === CUBIC ? 1 : 0);
        for (let i = 0; i < n; i++) out.push(coords[k + i]);
        k += n;
      }
    }
  }
  return Float64Array.from(out);
}

/** The rasteriser that paints a sized SVG with the core of `engine` (`Engine.renderPng`). */
export function coreRasterizer(engine: () => Promise<Engine>): Rasterizer {
  return (svg, width, height) =>
    engine().then((core) => core.renderPng(rasterScene(parseDrawing(svg), width, height)));
}
