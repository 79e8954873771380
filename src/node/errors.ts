/**
 * Errors raised while reading and decoding an image file, before the engine sees any pixels.
 * Like the engine's `VectorizeError`, the code also travels in `name` (`DecodeError:<CODE>`).
 * An image over the pixel budget is the engine's `VectorizeError('TOO_LARGE')`, whichever side
 * notices it first.
 */
import { VectorizeError, engineErrorCode, type EngineErrorCode } from '../engine';

export type DecodeErrorCode = 'UNREADABLE' | 'EMPTY' | 'NOT_AN_IMAGE' | 'CORRUPT';

const NAME_PREFIX = 'DecodeError:';

export class DecodeError extends Error {
  readonly code: DecodeErrorCode;

  constructor(code: DecodeErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = NAME_PREFIX + code;
  }
}

/** Every code the Node library can fail with. */
export type NodeErrorCode = EngineErrorCode | DecodeErrorCode;

const DECODE_CODES: readonly DecodeErrorCode[] = ['UNREADABLE', 'EMPTY', 'NOT_AN_IMAGE', 'CORRUPT'];

/** The library error code carried by an error (or an error-like value that kept its name). */
export function nodeErrorCode(error: unknown): NodeErrorCode | undefined {
  const engineCode = engineErrorCode(error);
  if (engineCode) return engineCode;
  const name = (error as { name?: unknown } | null)?.name;
  if (typeof name !== 'string' || !name.startsWith(NAME_PREFIX)) return undefined;
  const code = name.slice(NAME_PREFIX.length) as DecodeErrorCode;
  return DECODE_CODES.includes(code) ? code : undefined;
}

export { VectorizeError };
