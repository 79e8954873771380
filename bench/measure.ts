/** One tracer on one image: timed conversion, then size and fidelity of its SVG. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import sharp from 'sharp';
import { existsSync, readFileSync } from 'node:fs';
import {
  colourFidelity,
  fidelityReference,
  ssim,
  type FidelityReference,
  type Raster,
} from '../src/engine/fidelity/index';
import { psnr, seamLeakage } from './lib/metrics';
import { renderSvg } from './lib/render';
import {
  vectorFidelity,
  vectorReference,
  type VectorFidelity,
  type VectorReference,
} from './lib/vector-fidelity';
import { median, type Measured } from './summary';
import type { Conversion } from './tracers';

export interface Timing {
  runs: number;
  slowMs: number;
}

/** One warm-up (JIT tiers, caches, lazy set-up: every tracer alike), then the timed runs. */
async function timed(
  convert: Conversion,
  timing: Timing,
): Promise<{ svg: string; ms: number; runs: number }> {
  let start = performance.now();
  let svg = await convert();
  const warmUp = performance.now() - start;
  if (warmUp > timing.slowMs) return { svg, ms: warmUp, runs: 1 };
  const times: number[] = [];
  for (let i = 0; i < timing.runs; i++) {
    start = performance.now();
    svg = await convert();
    times.push(performance.now() - start);
  }
  return { svg, ms: median(times), runs: times.length };
}

export class RenderSizeError extends Error {
  override name = 'RenderSizeError';
}

/** What every output of one input is measured against, prepared once per input. */
export interface ImageReference {
  image: Raster;
  colour: FidelityReference;
  /** The ground-truth SVG rendered at 4×, when there is one. */
  vector?: VectorReference;
}

/** The input's reference; `truthSvgPath` is the ground-truth SVG beside it, if it exists. */
export async function imageReference(
  image: Raster,
  truthSvgPath?: string,
): Promise<ImageReference> {
  const colour = fidelityReference(image);
  if (!truthSvgPath || !existsSync(truthSvgPath)) return { image, colour };
  return {
    image,
    colour,
    vector: await vectorReference(readFileSync(truthSvgPath, 'utf8'), image),
  };
}

const NO_VECTOR: VectorFidelity = { ssim: NaN, psnr: NaN };

/**
 * Converts `reference.image`, measures the SVG against it and saves the SVG with its rendering as
 * `<outBase>.svg` and `<outBase>.png` for inspection.
 */
export async function measure(
  convert: Conversion,
  reference: ImageReference,
  timing: Timing,
  outBase: string,
): Promise<Measured> {
  const { image } = reference;
  const { svg, ms, runs } = await timed(convert, timing);
  mkdirSync(join(outBase, '..'), { recursive: true });
  writeFileSync(`${outBase}.svg`, svg);
  const rendered = renderSvg(svg);
  if (rendered.width !== image.width || rendered.height !== image.height)
    throw new RenderSizeError(
      `SVG renders at ${rendered.width}×${rendered.height}, not ${image.width}×${image.height}`,
    );
  await sharp(rendered.data, {
    raw: { width: rendered.width, height: rendered.height, channels: 4 },
  })
    .png({ compressionLevel: 2 })
    .toFile(`${outBase}.png`);
  const colour = colourFidelity(reference.colour, rendered);
  const vector = reference.vector ? await vectorFidelity(reference.vector, svg) : NO_VECTOR;
  return {
    ms,
    runs,
    bytes: Buffer.byteLength(svg),
    gzip: gzipSync(svg, { level: 9 }).length,
    paths: svg.match(/<path\b/g)?.length ?? 0,
    ssim: ssim(image, rendered),
    psnr: psnr(image, rendered),
    seams: seamLeakage(image, svg),
    deltaE: colour.meanDeltaE,
    flatLoss: 100 * colour.flatLoss.share,
    flatPixels: colour.flatLoss.flatPixels,
    ssim4x: vector.ssim,
    psnr4x: vector.psnr,
  };
}
