/** Turns anything thrown while converting one file into a `Failure`: a shared code and a reason. */
import { VectorizeError, toVectorizeError } from '../engine';
import type { Failure } from './task';

export function toFailure(error: unknown): Failure {
  return toVectorizeError(error).toInfo();
}

export function writeFailure(path: string, error: unknown): Failure {
  if (error instanceof VectorizeError) return toFailure(error);
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code ? `${code}, ${(error as Error).message}` : String(error);
  return { code: 'WRITE_FAILED', message: `Cannot write ${path} (${reason}).` };
}
