/** The messages between the batch runner and its worker threads: one file in, one outcome back. */
import type { ErrorInfo, VectorizeOptionsInput, VectorizeStats } from '../engine';
import type { ExportRequest } from './export-step';

export interface ConvertTask {
  /** The input file's path, or the bytes read from standard input. */
  input: string | Uint8Array;
  /** Where the SVG goes; '-' sends it back in the outcome for standard output. */
  output: string;
  options: VectorizeOptionsInput;
  /** --format and the size flags; none: the engine's SVG as it is. */
  export?: ExportRequest;
  overwrite: boolean;
}

/** Why a file failed: a shared `ErrorCode` (src/engine/errors.ts), a message, the option at fault. */
export type Failure = ErrorInfo;

/** Milliseconds one file spent in each phase (see timings.ts). */
export interface FilePhases {
  read: number;
  decode: number;
  job: number;
  write: number;
}

export interface ConvertSuccess {
  ok: true;
  stats: VectorizeStats;
  bytesIn: number;
  bytesOut: number;
  ms: number;
  phases: FilePhases;
  /** What the output format could not hold (e.g. a DXF: gradients, stroke caps). */
  warnings: string[];
  /** Only when the output is standard output: the SVG, or the exported file's bytes. */
  svg?: string | Uint8Array;
}

export interface ConvertFailure {
  ok: false;
  failure: Failure;
  ms: number;
}

export type ConvertOutcome = ConvertSuccess | ConvertFailure;
