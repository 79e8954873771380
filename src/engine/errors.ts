/**
 * Typed engine errors. The code travels in `name` (as `VectorizeError:<CODE>`) so that it
 * survives structured cloning across a worker boundary, where only name/message/stack are kept.
 */
export type EngineErrorCode = 'INVALID_INPUT' | 'TOO_LARGE' | 'INVALID_OPTION' | 'INTERNAL';

const NAME_PREFIX = 'VectorizeError:';

export class VectorizeError extends Error {
  readonly code: EngineErrorCode;

  constructor(code: EngineErrorCode, message: string) {
    super(message);
    this.code = code;
    this.name = NAME_PREFIX + code;
  }
}

const ENGINE_CODES: readonly EngineErrorCode[] = [
  'INVALID_INPUT',
  'TOO_LARGE',
  'INVALID_OPTION',
  'INTERNAL',
];

/** The engine error code carried by any error-like value (a cloned error keeps only its name). */
export function engineErrorCode(error: unknown): EngineErrorCode | undefined {
  const name = (error as { name?: unknown } | null)?.name;
  if (typeof name !== 'string' || !name.startsWith(NAME_PREFIX)) return undefined;
  const code = name.slice(NAME_PREFIX.length) as EngineErrorCode;
  return ENGINE_CODES.includes(code) ? code : undefined;
}

/** Status codes returned by the wasm ABI, in the order the Rust `ErrorKind` defines them. */
export const ABI_STATUS_CODES: readonly (EngineErrorCode | 'OK')[] = [
  'OK',
  'INVALID_INPUT',
  'TOO_LARGE',
  'INVALID_OPTION',
  'INTERNAL',
];
