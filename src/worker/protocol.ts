/** What the pool and the worker say to each other (shared types, no runtime code). */
import type {
  AutoChoice,
  ExportFormat,
  ExportOptions,
  ExportedFile,
  Progress,
  Rasterizer,
  VectorizeOptionsInput,
  VectorizeStats,
} from '../engine';

export interface JobStats extends VectorizeStats {
  /** When mode or preset was auto: the detected kind and the settings chosen. */
  auto?: AutoChoice;
  /** Size of the input file in bytes. */
  inputBytes: number;
  /** Size of the SVG gzip-compressed, in bytes. */
  gzipBytes: number;
  /** Wall time in the worker: decode + vectorize, in milliseconds. */
  totalMs: number;
  decodeMs: number;
}

export interface JobResult {
  svg: string;
  stats: JobStats;
  /** A small PNG of the input for lists and history. */
  thumbnail: Blob;
}

export interface VectorizeRequest {
  /** Identifies the decoded image so a re-run with new options can skip decoding. */
  imageKey: string;
  file: Blob;
  options: VectorizeOptionsInput;
}

export type ProgressReport = (progress: Progress) => void;

/** A result to export: the engine's SVG as `format` at a size (see src/engine/export/units.ts). */
export interface ExportRequest {
  svg: string;
  format: ExportFormat;
  /** Everything but `rasterize`, which is a function and travels as its own argument. */
  options: Omit<ExportOptions, 'rasterize'>;
}

export interface VectorizeWorkerApi {
  /** Compiles the core now, so that the first job does not wait for it. */
  prepare(): Promise<void>;
  vectorize(request: VectorizeRequest, onProgress: ProgressReport): Promise<JobResult>;
  /**
   * Runs the engine's `exportResult`. PNG needs `rasterize`: the worker cannot render SVG, so the
   * main thread passes its renderer (a Comlink proxy); the engine checks the pixel budget first.
   */
  export(request: ExportRequest, rasterize?: Rasterizer): Promise<ExportedFile>;
}
