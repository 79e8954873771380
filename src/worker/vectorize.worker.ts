/**
 * The worker entry: decodes the image here (off the main thread), runs the engine and reports
 * progress through a Comlink proxy callback. The wasm module is compiled once per worker, and
 * the last decoded images are kept so a re-run with new options skips decoding.
 */
import { expose } from 'comlink';
import {
  DEFAULT_OPTIONS,
  createEngine,
  resolveOptions,
  supportsSimd,
  type Engine,
} from '../engine';
import simdUrl from '../engine/wasm/vectorizer-simd.wasm?url&no-inline';
import scalarUrl from '../engine/wasm/vectorizer-scalar.wasm?url&no-inline';
import { decodeImage, gzipSize, type DecodedImage } from './decode';
import type { JobResult, ProgressReport, VectorizeRequest, VectorizeWorkerApi } from './protocol';

const KEPT_IMAGES = 2;

let engine: Promise<Engine> | undefined;
const images = new Map<string, DecodedImage>();

function loadEngine(): Promise<Engine> {
  engine ??= WebAssembly.compileStreaming(fetch(supportsSimd() ? simdUrl : scalarUrl)).then(
    createEngine,
  );
  return engine;
}

/** The request's pixel budget; with invalid options the default (the engine reports them). */
function pixelBudget(request: VectorizeRequest): number {
  try {
    return resolveOptions(request.options).maxPixels;
  } catch {
    return DEFAULT_OPTIONS.maxPixels;
  }
}

async function decoded(request: VectorizeRequest): Promise<DecodedImage> {
  const kept = images.get(request.imageKey);
  if (kept) return kept;
  const image = await decodeImage(request.file, pixelBudget(request));
  images.set(request.imageKey, image);
  while (images.size > KEPT_IMAGES) images.delete(images.keys().next().value as string);
  return image;
}

const api: VectorizeWorkerApi = {
  async prepare(): Promise<void> {
    await loadEngine();
  },

  async vectorize(request: VectorizeRequest, onProgress: ProgressReport): Promise<JobResult> {
    const started = performance.now();
    const [image, ready] = await Promise.all([decoded(request), loadEngine()]);
    const decodeMs = performance.now() - started;
    const { svg, stats } = await ready.vectorize(
      image.rgba,
      image.width,
      image.height,
      request.options,
      (progress) => void onProgress(progress),
    );
    return {
      svg,
      thumbnail: image.thumbnail,
      stats: {
        ...stats,
        inputBytes: request.file.size,
        gzipBytes: await gzipSize(svg),
        decodeMs,
        totalMs: performance.now() - started,
      },
    };
  },
};

expose(api);
