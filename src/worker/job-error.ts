/**
 * Typed job errors that survive the worker boundary. Comlink keeps only name/message/stack of
 * a thrown error, so the code travels in `name` as `JobError:<CODE>` (engine errors keep their
 * own `VectorizeError:<CODE>` name and are read with `engineErrorCode`).
 */
import { engineErrorCode, type EngineErrorCode } from '../engine';

export type AppErrorCode =
  | 'UNSUPPORTED_TYPE'
  | 'DECODE_FAILED'
  | 'EMPTY_FILE'
  | 'TIMEOUT'
  | 'WORKER_CRASHED'
  | 'CANCELLED'
  | 'STORAGE_FULL';

export type JobErrorCode = EngineErrorCode | AppErrorCode;

export interface JobError {
  code: JobErrorCode;
  message: string;
}

const NAME_PREFIX = 'JobError:';
const JOB_CODES: readonly JobErrorCode[] = [
  'INVALID_INPUT',
  'TOO_LARGE',
  'INVALID_OPTION',
  'INTERNAL',
  'UNSUPPORTED_TYPE',
  'DECODE_FAILED',
  'EMPTY_FILE',
  'TIMEOUT',
  'WORKER_CRASHED',
  'CANCELLED',
  'STORAGE_FULL',
];

export class JobFailure extends Error {
  readonly code: JobErrorCode;

  constructor(code: JobErrorCode, message: string) {
    super(message);
    this.code = code;
    this.name = NAME_PREFIX + code;
  }
}

/** The typed error carried by any thrown value, including one cloned across a worker boundary. */
export function toJobError(error: unknown): JobError {
  const message = error instanceof Error ? error.message : String(error);
  const engineCode = engineErrorCode(error);
  if (engineCode) return { code: engineCode, message };
  const name = (error as { name?: unknown } | null)?.name;
  if (typeof name === 'string' && name.startsWith(NAME_PREFIX)) {
    const code = name.slice(NAME_PREFIX.length) as JobErrorCode;
    if (JOB_CODES.includes(code)) return { code, message };
  }
  return { code: 'INTERNAL', message: message || 'Something went wrong.' };
}
