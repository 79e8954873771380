/**
 * The library's errors are the engine's `VectorizeError`, with the shared codes of
 * src/engine/errors.ts. `DecodeError` is the subclass thrown while reading and decoding a file,
 * before the engine sees any pixels (so `instanceof DecodeError` tells a bad file from a bad
 * option); its name is the same `VectorizeError:<CODE>`, so it reads back across a worker
 * boundary like any other. An image over the pixel budget is `VectorizeError('TOO_LARGE')`,
 * whichever side notices it first.
 */
import { VectorizeError, type ErrorCode } from '../engine';

/** The codes a decoder raises (a subset of the shared `ErrorCode`, not a list of its own). */
export type DecodeErrorCode = Extract<
  ErrorCode,
  'UNREADABLE' | 'EMPTY' | 'NOT_AN_IMAGE' | 'CORRUPT'
>;

export class DecodeError extends VectorizeError {
  declare readonly code: DecodeErrorCode;

  constructor(code: DecodeErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(code, message, options);
  }
}

export { VectorizeError };
