/**
 * @deprecated Transitional only: throw the engine's `VectorizeError` with a shared `ErrorCode`
 * (src/engine/errors.ts). Kept while the browser decoder (decode.ts) moves to it; the two
 * earlier app codes map to today's (EMPTY_FILE → EMPTY, DECODE_FAILED → CORRUPT).
 */
import { VectorizeError, type ErrorCode } from '../engine';

const EARLIER_CODES = { EMPTY_FILE: 'EMPTY', DECODE_FAILED: 'CORRUPT' } as const;

export class JobFailure extends VectorizeError {
  constructor(code: ErrorCode | keyof typeof EARLIER_CODES, message: string) {
    super(
      code in EARLIER_CODES
        ? EARLIER_CODES[code as keyof typeof EARLIER_CODES]
        : (code as ErrorCode),
      message,
    );
  }
}
