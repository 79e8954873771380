/** What the pool and the worker say to each other (shared types, no runtime code). */
import type {
  AutoChoice,
  ExportFormat,
  ExportOptions,
  ExportedFile,
  Progress,
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
  /** Everything but `rasterize` (a function cannot be posted): the worker paints PNGs itself. */
  options: Omit<ExportOptions, 'rasterize'>;
}

/** A result to analyse against its input: the job's image (by key, decoded once) and its SVG. */
export interface AnalyseRequest extends Pick<VectorizeRequest, 'imageKey' | 'file'> {
  svg: string;
}

/**
 * How close the render of the SVG comes to the input, both over white (src/engine/fidelity),
 * measured at `width`×`height`: the image's size, or at most 2048 px on the long side.
 */
export interface JobFidelity {
  /** Mean CIEDE2000 over the pixels. */
  meanDeltaE: number;
  /** SSIM on luma, 1 for identical. */
  ssim: number;
  width: number;
  height: number;
  /** The per-pixel ΔE00 painted on the heatmap scale (HEATMAP_STOPS), as a PNG. */
  heatmap: Blob;
}

/** What the worker finds when it renders the SVG itself and compares it with the input. */
export interface JobAnalysis {
  /** Palette colour (`#rrggbb`) → fraction of the render's opaque pixels it paints. */
  shares: Record<string, number>;
  fidelity: JobFidelity;
}

export interface VectorizeWorkerApi {
  /** Compiles the core now, so that the first job does not wait for it. */
  prepare(): Promise<void>;
  vectorize(request: VectorizeRequest, onProgress: ProgressReport): Promise<JobResult>;
  /**
   * Runs the engine's `exportResult`; PNGs are painted in the worker by the core's rasteriser
   * (`coreRasterizer`), after the engine has checked the pixel budget.
   */
  export(request: ExportRequest): Promise<ExportedFile>;
  /**
   * Renders the SVG at the image's size and compares the two (see JobAnalysis): palette shares,
   * mean ΔE00, SSIM and the heatmap.
   */
  analyse(request: AnalyseRequest): Promise<JobAnalysis>;
}
