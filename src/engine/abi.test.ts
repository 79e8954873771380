/**
 * The ABI through the real core: Rust's own reading of every value of the options block (the
 * TypeScript validation is bypassed, so the Rust parser alone accepts or rejects), the version
 * word, the alignment of host blocks, and the option name on an error the core raises.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  ABI_VERSION,
  BLOCK_SPECS,
  PALETTE_SLOT,
  blockRows,
  encodeOptions,
  type BlockRow,
  type CoreExports,
} from './abi';
import { checkCoreVersion, createEngine } from './engine';
import { ABI_STATUS_CODES, VectorizeError } from './errors';
import { DEFAULT_OPTIONS, MAX_PALETTE } from './options';
import { testCard, wasmPath } from './test-support';

const STUB_IMPORTS = { env: { vz_progress: () => {}, vz_now: () => 0 } };
const INVALID_OPTION = ABI_STATUS_CODES.indexOf('INVALID_OPTION');

let core: CoreExports;

beforeAll(async () => {
  const module = await WebAssembly.compile(readFileSync(wasmPath('simd')));
  core = (await WebAssembly.instantiate(module, STUB_IMPORTS)).exports as unknown as CoreExports;
});

interface Reading {
  status: number;
  /** The stats buffer: the values read, or the rejected option's slot. */
  stats: number[];
  message: string;
}

/** Sends a block (and palette) to `vz_read_options` as the engine would, minus its checks. */
function read(block: ArrayLike<number>, palette: ArrayLike<number> = []): Reading {
  const put = (bytes: Uint8Array): number => {
    if (bytes.length === 0) return 0;
    const ptr = core.vz_alloc(bytes.length);
    new Uint8Array(core.memory.buffer, ptr, bytes.length).set(bytes);
    return ptr;
  };
  const options = Float64Array.from(block);
  const colours = Uint32Array.from(palette);
  const optionsPtr = put(new Uint8Array(options.buffer));
  const palettePtr = put(new Uint8Array(colours.buffer));
  try {
    const status = core.vz_read_options(
      optionsPtr,
      options.length,
      palettePtr,
      colours.length,
      0,
      0,
    );
    const stats = Array.from(
      new Float64Array(core.memory.buffer, core.vz_stats_ptr(), core.vz_stats_len()),
    );
    const message = new TextDecoder().decode(
      new Uint8Array(core.memory.buffer, core.vz_output_ptr(), core.vz_output_len()),
    );
    return { status, stats, message };
  } finally {
    core.vz_release();
    if (optionsPtr) core.vz_free(optionsPtr, options.byteLength);
    if (palettePtr) core.vz_free(palettePtr, colours.byteLength);
  }
}

const defaults = (): number[] => Array.from(encodeOptions(DEFAULT_OPTIONS));

function withValue(index: number, value: number): number[] {
  const block = defaults();
  block[index] = value;
  return block;
}

/** The adjacent f64 below or above `value` (the first value just outside a bound). */
function adjacent(value: number, direction: -1 | 1): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const bits = view.getBigInt64(0);
  if (value === 0) return direction * Number.MIN_VALUE;
  view.setBigInt64(0, bits + BigInt((value > 0 ? 1 : -1) * direction));
  return view.getFloat64(0);
}

/** What Rust keeps of a value: floats are stored as f32. */
function asRead(spec: (typeof BLOCK_SPECS)[number], value: number): number {
  return spec.kind === 'float' ? Math.fround(value) : value;
}

/** Values that must be rejected: just outside each bound, non-integers for whole rows, NaN. */
function outside(row: BlockRow): number[] {
  const below = row.whole ? row.min - 1 : adjacent(row.min, -1);
  const values = [
    row.auto && below === -1 ? -2 : below,
    row.whole ? row.max + 1 : adjacent(row.max, 1),
    NaN,
    Infinity,
    -Infinity,
  ];
  if (row.whole) values.push(row.min + 0.5, adjacent(row.max, -1));
  return values;
}

describe('Rust reads the options block as the schema says', () => {
  it('reads the defaults the engine encodes', () => {
    const reading = read(defaults());
    expect(reading.status).toBe(0);
    expect(reading.stats).toEqual(BLOCK_SPECS.map((spec, i) => asRead(spec, defaults()[i])));
    expect(blockRows().map((row) => row.default)).toEqual(defaults());
  });

  describe.each(BLOCK_SPECS.map((spec, index) => [spec.name, spec, index] as const))(
    '%s',
    (name, spec, index) => {
      const row = blockRows()[index];

      it('accepts its minimum, maximum and default, and reads them back', () => {
        const values = [row.min, row.max, row.default, ...(row.auto ? [-1] : [])];
        for (const value of values) {
          const reading = read(withValue(index, value));
          expect(reading, `${name} = ${value}`).toMatchObject({ status: 0 });
          expect(reading.stats[index], `${name} = ${value}`).toBe(asRead(spec, value));
        }
      });

      it('is rejected by Rust, by name and slot, just outside its range, when not whole, NaN', () => {
        for (const value of outside(row)) {
          const reading = read(withValue(index, value));
          expect(reading.status, `${name} = ${value}`).toBe(INVALID_OPTION);
          expect(reading.stats, `${name} = ${value}`).toEqual([index]);
          expect(reading.message).toMatch(new RegExp(`^Option "${name}" must be `));
        }
      });
    },
  );

  it('reads a palette back, and rejects one too long or not 0xRRGGBB with the palette slot', () => {
    const ok = read(defaults(), [0xff0000, 0x00ff00]);
    expect(ok.status).toBe(0);
    expect(ok.stats.slice(BLOCK_SPECS.length)).toEqual([0xff0000, 0x00ff00]);
    for (const palette of [new Array(MAX_PALETTE + 1).fill(0), [0x1_000_000]]) {
      const reading = read(defaults(), palette);
      expect(reading.status).toBe(INVALID_OPTION);
      expect(reading.stats).toEqual([PALETTE_SLOT]);
      expect(reading.message).toMatch(/^Option "palette" /);
    }
  });

  it('rejects a block of the wrong length', () => {
    const reading = read(defaults().slice(1));
    expect(reading.status).toBe(INVALID_OPTION);
    expect(reading.stats).toEqual([-2]);
  });
});

describe('ABI hygiene', () => {
  it('the core reports the version word of the engine it was generated with', () => {
    expect(core.vz_abi_version() >>> 0).toBe(ABI_VERSION);
  });

  it('host blocks are aligned for the f64 and u32 views', () => {
    const blocks = [1, 3, 13, 72, 4099].map((len) => [core.vz_alloc(len), len] as const);
    for (const [ptr] of blocks) expect(ptr % 8).toBe(0);
    for (const [ptr, len] of blocks) core.vz_free(ptr, len);
  });
});

/** A wasm module exporting `vz_abi_version() -> i32` that returns `word` (0 ≤ word < 64). */
function versionModule(word: number): Uint8Array<ArrayBuffer> {
  const name = [...new TextEncoder().encode('vz_abi_version')];
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...[0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7f], // type: () -> i32
    ...[0x03, 0x02, 0x01, 0x00], // one function of that type
    ...[0x07, name.length + 4, 0x01, name.length, ...name, 0x00, 0x00], // export it
    ...[0x0a, 0x06, 0x01, 0x04, 0x00, 0x41, word, 0x0b], // body: i32.const word
  ]);
}

async function mismatch(bytes: Uint8Array<ArrayBuffer>): Promise<VectorizeError> {
  const error = await createEngine(await WebAssembly.compile(bytes)).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(VectorizeError);
  return error as VectorizeError;
}

describe('a stale core is refused at load', () => {
  it('with another version word', async () => {
    const error = await mismatch(versionModule(7));
    expect(error.code).toBe('CORE_MISMATCH');
    expect(error.message).toContain('stale');
    expect(error.message).toContain('ABI 0.0007');
    expect(error.message).toContain('npm run build:wasm');
  });

  it('without a version export (built before it existed)', async () => {
    const error = await mismatch(versionModule(0).slice(0, 8));
    expect(error.code).toBe('CORE_MISMATCH');
    expect(error.message).toContain('no ABI version');
  });

  it('and accepted with the same word', () => {
    expect(() => checkCoreVersion({ vz_abi_version: () => ABI_VERSION })).not.toThrow();
    expect(() => checkCoreVersion({ vz_abi_version: () => ABI_VERSION + 1 })).toThrow(
      /npm run build:wasm/,
    );
  });
});

describe('an option the core rejects', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reaches the caller as INVALID_OPTION naming the option', async () => {
    // Let the engine validate and encode, then spoil `tolerance` in the block on its way in.
    const instantiate = WebAssembly.instantiate.bind(WebAssembly) as (
      module: WebAssembly.Module,
      imports?: WebAssembly.Imports,
    ) => Promise<WebAssembly.Instance>;
    vi.spyOn(WebAssembly, 'instantiate').mockImplementation((async (
      module: WebAssembly.Module,
      imports?: WebAssembly.Imports,
    ) => {
      const real = (await instantiate(module, imports)).exports as unknown as CoreExports;
      const slot = BLOCK_SPECS.findIndex((spec) => spec.name === 'tolerance');
      const vz_vectorize: CoreExports['vz_vectorize'] = (...args) => {
        new Float64Array(real.memory.buffer, args[4], args[5])[slot] = 11;
        return real.vz_vectorize(...args);
      };
      return { exports: { ...real, vz_vectorize } };
    }) as unknown as typeof WebAssembly.instantiate);
    const engine = await createEngine(await WebAssembly.compile(readFileSync(wasmPath('simd'))));
    const card = testCard(16);
    const error = await engine.vectorize(card.data, 16, 16).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VectorizeError);
    expect(error).toMatchObject({ code: 'INVALID_OPTION', option: 'tolerance' });
    expect((error as Error).message).toMatch(
      /^Option "tolerance" must be a number from 0\.05 to 10/,
    );
  });
});
