/** One tracer on one image: timed conversion, then size and fidelity of its SVG. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import sharp from 'sharp';
import { psnr, seamLeakage, ssim } from './lib/metrics';
import type { Raster } from './lib/raster';
import { renderSvg } from './lib/render';
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

/**
 * Converts `image`, measures the SVG against it and saves the SVG with its rendering as
 * `<outBase>.svg` and `<outBase>.png` for inspection.
 */
export async function measure(
  convert: Conversion,
  image: Raster,
  timing: Timing,
  outBase: string,
): Promise<Measured> {
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
  return {
    ms,
    runs,
    bytes: Buffer.byteLength(svg),
    gzip: gzipSync(svg, { level: 9 }).length,
    paths: svg.match(/<path\b/g)?.length ?? 0,
    ssim: ssim(image, rendered),
    psnr: psnr(image, rendered),
    seams: seamLeakage(image, svg),
  };
}
