/** Turns anything thrown while converting one file into a `Failure` with a code and a reason. */
import { nodeErrorCode } from '../node/errors';
import { OutputExistsError } from './atomic-write';
import type { Failure } from './task';

export function toFailure(error: unknown): Failure {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof OutputExistsError) return { code: 'OUTPUT_EXISTS', message };
  return { code: nodeErrorCode(error) ?? 'INTERNAL', message };
}

export function writeFailure(path: string, error: unknown): Failure {
  if (error instanceof OutputExistsError) return toFailure(error);
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code ? `${code}, ${(error as Error).message}` : String(error);
  return { code: 'WRITE_FAILED', message: `Cannot write ${path} (${reason}).` };
}
