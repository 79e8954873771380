/**
 * The one error vocabulary of the project: every layer (engine, worker, jobs store, Node library,
 * CLI, telemetry) fails with a `VectorizeError` whose `code` is one of `ERROR_CODES`, so the same
 * bad file gets the same code in the browser, the library and `vectorize --json`.
 *
 * A thrown error crossing a worker boundary (Comlink, worker_threads) keeps only name, message
 * and stack, so the code and the option at fault also travel in `name`:
 * `VectorizeError:<CODE>` or `VectorizeError:<CODE>:<option>`. `toVectorizeError` reads any
 * thrown value (our own, a cloned one, or something foreign) back into a `VectorizeError`; every
 * boundary uses it.
 */

/** Who is at fault, and so who can fix it. */
export type FaultGroup = 'input' | 'limits' | 'options' | 'environment' | 'internal';

/** Every code, with its fault group. The order is the order of the docs' tables. */
export const ERROR_FAULTS = {
  /** A file argument does not exist, or a pattern matches nothing (CLI). */
  NO_INPUT: 'input',
  /** The file has no bytes. */
  EMPTY: 'input',
  /** The bytes are not an image in any format the decoder reads. */
  NOT_AN_IMAGE: 'input',
  /** An image type this decoder cannot read (the browser's: PNG, JPEG, WebP, GIF, BMP, AVIF). */
  UNSUPPORTED_TYPE: 'input',
  /** The file starts as an image but cannot be decoded (truncated or damaged). */
  CORRUPT: 'input',
  /** Pixels given to the engine are inconsistent (no pixels, wrong buffer length). */
  INVALID_INPUT: 'input',
  /** More pixels than the pixel budget (`maxPixels`) allows, or more than memory holds. */
  TOO_LARGE: 'limits',
  /** An unknown option or a value out of range; `option` names it. */
  INVALID_OPTION: 'options',
  /** The file cannot be read (missing, a folder, no permission). */
  UNREADABLE: 'environment',
  /** The output cannot be written. */
  WRITE_FAILED: 'environment',
  /** The output exists and neither overwriting nor skipping was asked for. */
  OUTPUT_EXISTS: 'environment',
  /** Another input of the same batch writes the same output (CLI). */
  OUTPUT_CONFLICT: 'environment',
  /** Browser storage is full or unavailable. */
  STORAGE_FULL: 'environment',
  /** No progress for the watchdog time. */
  TIMEOUT: 'environment',
  /** The worker running the job stopped. */
  WORKER_CRASHED: 'environment',
  /** Stopped on request. */
  CANCELLED: 'environment',
  /** The core (`.wasm`) does not match this engine: a stale or missing build. */
  CORE_MISMATCH: 'environment',
  /** A bug: anything else. */
  INTERNAL: 'internal',
} as const satisfies Record<string, FaultGroup>;

export type ErrorCode = keyof typeof ERROR_FAULTS;

export const ERROR_CODES = Object.keys(ERROR_FAULTS) as readonly ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_FAULTS, value);
}

export function faultGroupOf(code: ErrorCode): FaultGroup {
  return ERROR_FAULTS[code];
}

/** The plain data of an error, as a job stores it (IndexedDB) and the CLI prints it. */
export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  /** The option at fault (engine name, e.g. `minArea`), only for INVALID_OPTION. */
  option?: string;
}

const NAME_PREFIX = 'VectorizeError:';
const OPTION_NAME = /^[A-Za-z][A-Za-z0-9]*$/;

export class VectorizeError extends Error {
  readonly code: ErrorCode;
  readonly option: string | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    details: { option?: string; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.option =
      details.option !== undefined && OPTION_NAME.test(details.option) ? details.option : undefined;
    this.name = NAME_PREFIX + code + (this.option ? ':' + this.option : '');
  }

  /** The plain data (what survives any serialisation). */
  toInfo(): ErrorInfo {
    return this.option
      ? { code: this.code, message: this.message, option: this.option }
      : { code: this.code, message: this.message };
  }
}

function fromName(name: unknown): { code: ErrorCode; option?: string } | undefined {
  if (typeof name !== 'string' || !name.startsWith(NAME_PREFIX)) return undefined;
  const [code, option] = name.slice(NAME_PREFIX.length).split(':');
  return isErrorCode(code) ? { code, option } : undefined;
}

/**
 * Any thrown value as a `VectorizeError`: the same instance when it already is one, rebuilt from
 * `name` when it was cloned across a boundary, rebuilt from `{ code, message, option }` data
 * (a stored job error), else INTERNAL with the value's message.
 */
export function toVectorizeError(error: unknown): VectorizeError {
  if (error instanceof VectorizeError) return error;
  const value = error as { name?: unknown; message?: unknown; code?: unknown; option?: unknown };
  const text =
    typeof value?.message === 'string' ? value.message : error == null ? '' : String(error);
  const message = text || 'Something went wrong.';
  const named = fromName(value?.name);
  if (named) {
    const rebuilt = new VectorizeError(named.code, message, { option: named.option });
    if (error instanceof Error && error.stack) rebuilt.stack = error.stack;
    return rebuilt;
  }
  if (
    value !== null &&
    typeof value === 'object' &&
    !(error instanceof Error) &&
    isErrorCode(value.code)
  )
    return new VectorizeError(value.code, message, {
      option: typeof value.option === 'string' ? value.option : undefined,
    });
  return new VectorizeError('INTERNAL', message, { cause: error });
}

/** The code carried by any thrown value (INTERNAL when it carries none). */
export function errorCodeOf(error: unknown): ErrorCode {
  return toVectorizeError(error).code;
}

/** Status codes returned by the wasm ABI, in the order the Rust `ErrorKind` defines them. */
export const ABI_STATUS_CODES: readonly (ErrorCode | 'OK')[] = [
  'OK',
  'INVALID_INPUT',
  'TOO_LARGE',
  'INVALID_OPTION',
  'INTERNAL',
];
