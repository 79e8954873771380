/**
 * The worker entry: runs the engine's pipeline here (off the main thread) with the browser's
 * decoder and reports progress through a Comlink proxy callback, and the engine's exporters with
 * the core painting PNGs. The wasm module is compiled once per worker (src/engine/load.ts picks
 * the SIMD or scalar build), and the last decoded images are kept so a re-run with new options
 * skips decoding.
 */
import { expose, transfer } from 'comlink';
import { exportResult, type Engine, type ExportedFile } from '../engine';
import { parseDrawing } from '../engine/export/drawing';
import { coreRasterizer } from '../engine/export/raster-scene';
import { loadEngine as loadCore } from '../engine/load';
import { vectorizeFile, type ImageDecoder } from '../engine/pipeline';
import simdUrl from '../engine/wasm/vectorizer-simd.wasm?url&no-inline';
import scalarUrl from '../engine/wasm/vectorizer-scalar.wasm?url&no-inline';
import { browserDecoder, gzipSize, type DecodedImage } from './decode';
import { measureFidelity } from './measure-fidelity';
import { paletteShares } from './palette-shares';
import { renderDrawing } from './render-drawing';
import type {
  AnalyseRequest,
  ExportRequest,
  JobAnalysis,
  JobResult,
  ProgressReport,
  VectorizeRequest,
  VectorizeWorkerApi,
} from './protocol';

const KEPT_IMAGES = 2;

let engine: Promise<Engine> | undefined;
const images = new Map<string, DecodedImage>();

function loadEngine(): Promise<Engine> {
  engine ??= loadCore((variant) => fetch(variant === 'simd' ? simdUrl : scalarUrl));
  return engine;
}

/** The browser decoder, answering from the kept images when this one was decoded before. */
function keptOrDecoded(imageKey: string): ImageDecoder<Blob, DecodedImage> {
  return {
    ...browserDecoder,
    async decode(file) {
      const kept = images.get(imageKey);
      if (kept) return kept;
      const image = await browserDecoder.decode(file);
      images.set(imageKey, image);
      while (images.size > KEPT_IMAGES) images.delete(images.keys().next().value as string);
      return image;
    },
  };
}

const api: VectorizeWorkerApi = {
  async prepare(): Promise<void> {
    await loadEngine();
  },

  async vectorize(request: VectorizeRequest, onProgress: ProgressReport): Promise<JobResult> {
    const started = performance.now();
    const { svg, stats, image, decodeMs } = await vectorizeFile(request.file, {
      decoder: keptOrDecoded(request.imageKey),
      engine: loadEngine(),
      options: request.options,
      onProgress: (progress) => void onProgress(progress),
    });
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

  async export(request: ExportRequest): Promise<ExportedFile> {
    const file = await exportResult({ svg: request.svg }, request.format, {
      ...request.options,
      rasterize: coreRasterizer(loadEngine),
    });
    return transfer(file, [file.data.buffer]);
  },

  async analyse(request: AnalyseRequest): Promise<JobAnalysis> {
    const image = await keptOrDecoded(request.imageKey).decode(request.file);
    const drawing = parseDrawing(request.svg);
    const render = renderDrawing(drawing, image.width, image.height);
    return {
      shares: paletteShares(drawing, render),
      fidelity: await measureFidelity(image, drawing, render),
    };
  },
};

expose(api);
