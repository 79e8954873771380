/** A job: one input file converted with one set of options. */
import type { ErrorInfo, StageName, VectorizeOptionsInput } from '../engine';
import type { JobResult } from '../worker/protocol';
import type { AutoOverride } from './auto-override';
import type { PaletteEdit } from './palette-edit';

export type JobStatus = 'queued' | 'processing' | 'complete' | 'failed' | 'cancelled';

export interface Job {
  id: string;
  /** The input file's name, used for the download name. */
  name: string;
  file: Blob;
  options: VectorizeOptionsInput;
  status: JobStatus;
  /** Overall progress, 0..1. */
  progress: number;
  stage: StageName | undefined;
  createdAt: number;
  startedAt: number | undefined;
  /** Time from start to finish, set when the job ends. */
  elapsedMs: number | undefined;
  result: JobResult | undefined;
  error: ErrorInfo | undefined;
  /** Set when the result could not be stored (e.g. quota exceeded); it stays in memory. */
  storageError: ErrorInfo | undefined;
  /** Set when the last "Download as" of this job failed (not saved). */
  exportError?: ErrorInfo;
  /** Palette edits of the result and their undo history (the result's SVG shows them). */
  paletteEdit?: PaletteEdit;
  /** Set while the job runs as the kind the user chose instead of the one auto detected. */
  autoOverride?: AutoOverride;
  /** True once the finished job is in browser storage and survives a reload. */
  saved: boolean;
}

export function isFinished(job: Job): boolean {
  return job.status === 'complete' || job.status === 'failed' || job.status === 'cancelled';
}

/** `logo.png` → `logo.svg`. */
export function svgFileName(name: string): string {
  return exportFileName(name, '.svg');
}

/** `logo.png`, `.pdf` → `logo.pdf`. */
export function exportFileName(name: string, extension: string): string {
  const base = name.replace(/\.[^./\\]+$/, '') || 'image';
  return `${base}${extension}`;
}
