import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ERROR_CODES,
  ERROR_FAULTS,
  VectorizeError,
  errorCodeOf,
  isErrorCode,
  resolveOptions,
  toVectorizeError,
  validateOption,
  optionSpec,
} from './index';

/** What a worker boundary keeps of a thrown error (Comlink: name, message, stack). */
function acrossTheBoundary(error: Error): Error {
  return Object.assign(new Error(error.message), { name: error.name, stack: error.stack });
}

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('error vocabulary', () => {
  it('groups every code by who is at fault', () => {
    expect(ERROR_CODES).toHaveLength(Object.keys(ERROR_FAULTS).length);
    expect(new Set(Object.values(ERROR_FAULTS))).toEqual(
      new Set(['input', 'limits', 'options', 'environment', 'internal']),
    );
    expect(ERROR_FAULTS.CORRUPT).toBe('input');
    expect(ERROR_FAULTS.INVALID_OPTION).toBe('options');
    expect(isErrorCode('EMPTY')).toBe(true);
    expect(isErrorCode('EMPTY_FILE')).toBe(false);
    expect(isErrorCode('toString')).toBe(false);
  });

  it('carries code and option in the name, so both survive a worker boundary', () => {
    const error = new VectorizeError('INVALID_OPTION', 'Option "minArea" must be …', {
      option: 'minArea',
    });
    expect(error.name).toBe('VectorizeError:INVALID_OPTION:minArea');
    const back = toVectorizeError(acrossTheBoundary(error));
    expect(back).toBeInstanceOf(VectorizeError);
    expect(back.toInfo()).toEqual({
      code: 'INVALID_OPTION',
      message: 'Option "minArea" must be …',
      option: 'minArea',
    });
    const plain = toVectorizeError(acrossTheBoundary(new VectorizeError('CORRUPT', 'truncated')));
    expect([plain.code, plain.option, plain.message]).toEqual(['CORRUPT', undefined, 'truncated']);
    expect(plain.name).toBe('VectorizeError:CORRUPT');
  });

  it('keeps its own instances, reads stored data, and calls anything else INTERNAL', () => {
    const own = new VectorizeError('TIMEOUT', 'slow', { cause: 'x' });
    expect(toVectorizeError(own)).toBe(own);
    expect(own.cause).toBe('x');
    expect(toVectorizeError({ code: 'EMPTY', message: 'empty' }).toInfo()).toEqual({
      code: 'EMPTY',
      message: 'empty',
    });
    expect(errorCodeOf(new TypeError('x is undefined'))).toBe('INTERNAL');
    expect(toVectorizeError('boom').toInfo()).toEqual({ code: 'INTERNAL', message: 'boom' });
    expect(errorCodeOf(Object.assign(new Error('m'), { name: 'VectorizeError:NOPE' }))).toBe(
      'INTERNAL',
    );
    expect(errorCodeOf(Object.assign(new Error('m'), { name: 'JobError:EMPTY' }))).toBe('INTERNAL');
  });

  it('option errors name the option that is at fault', () => {
    const range = thrown(() => validateOption(optionSpec('minArea')!, -1));
    expect(toVectorizeError(range)).toMatchObject({ code: 'INVALID_OPTION', option: 'minArea' });
    const unknown = thrown(() => resolveOptions({ colours: 8 } as never));
    expect(toVectorizeError(unknown)).toMatchObject({ code: 'INVALID_OPTION', option: 'colours' });
    const shape = thrown(() => resolveOptions([] as never));
    expect(toVectorizeError(shape)).toMatchObject({ code: 'INVALID_OPTION', option: undefined });
  });
});

describe('the documented vocabulary', () => {
  it('docs/API.md lists every code with its fault group, and no other', () => {
    const api = readFileSync(new URL('../../docs/API.md', import.meta.url), 'utf8');
    const rows = [...api.matchAll(/^\| `([A-Z_]+)` +\| `([a-z]+)` +\|/gm)].map(
      ([, code, fault]) => [code, fault],
    );
    expect(Object.fromEntries(rows)).toEqual(ERROR_FAULTS);
  });

  it('docs/CLI.md and docs/OPERATIONS.md name only codes of the vocabulary', () => {
    for (const doc of ['CLI.md', 'OPERATIONS.md']) {
      const text = readFileSync(new URL(`../../docs/${doc}`, import.meta.url), 'utf8');
      const table = text.slice(text.search(/^\| (code|`error_type`) /m));
      const codes = [...table.matchAll(/^\| (`[A-Z_]+`(?:, `[A-Z_]+`)*) /gm)].flatMap(([, cell]) =>
        cell.split(', ').map((code) => code.slice(1, -1)),
      );
      expect(codes.length, doc).toBeGreaterThan(5);
      expect(
        codes.filter((code) => !isErrorCode(code)),
        doc,
      ).toEqual([]);
    }
  });
});
