/** What the pool and the worker say to each other (shared types, no runtime code). */
import type { Progress, VectorizeOptionsInput, VectorizeStats } from '../engine';

export interface JobStats extends VectorizeStats {
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

export interface VectorizeWorkerApi {
  /** Compiles the core now, so that the first job does not wait for it. */
  prepare(): Promise<void>;
  vectorize(request: VectorizeRequest, onProgress: ProgressReport): Promise<JobResult>;
}
