/**
 * The same bad file gets the same code from the Node library (sharp) as from the app's worker
 * (the browser decoder, whose createImageBitmap is made to refuse the bytes, as browsers do), and
 * the worker's code survives the trip back over the worker boundary.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorCodeOf, toVectorizeError, type ErrorCode } from '../engine';
import { decodeWithinBudget } from '../engine/pipeline';
import { browserDecoder } from '../worker/decode';
import { decodeImage } from './decode';
import { brokenFixtures } from './image-fixtures';

const BUDGET = 40_000_000;

/** What Comlink keeps of an error thrown in the worker: name, message, stack. */
function acrossTheBoundary(error: Error): Error {
  return Object.assign(new Error(error.message), { name: error.name, stack: error.stack });
}

async function nodeCode(bytes: Uint8Array): Promise<ErrorCode | 'ok'> {
  return decodeImage(bytes, BUDGET).then(
    () => 'ok',
    (error: unknown) => errorCodeOf(error),
  );
}

async function workerCode(
  bytes: Uint8Array,
  name: string,
  type: string,
): Promise<ErrorCode | 'ok'> {
  const file = new File([new Uint8Array(bytes)], name, { type });
  return decodeWithinBudget(file, browserDecoder, BUDGET).then(
    () => 'ok',
    (error: Error) => toVectorizeError(acrossTheBoundary(error)).code,
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('one code for one bad file, in the library and in the app', () => {
  it('empty, non-image and truncated files', async () => {
    vi.stubGlobal('createImageBitmap', () =>
      Promise.reject(
        new DOMException('The source image could not be decoded.', 'InvalidStateError'),
      ),
    );
    const broken = await brokenFixtures();
    const files: [string, Uint8Array, string][] = [
      ...Object.entries(broken).map(([name, bytes]): [string, Uint8Array, string] => [
        name,
        bytes,
        'image/png',
      ]),
      ['readme.txt', Buffer.from('hello'), 'text/plain'],
    ];
    const codes: Record<string, [string, string]> = {};
    for (const [name, bytes, type] of files)
      codes[name] = [await nodeCode(bytes), await workerCode(bytes, name, type)];
    expect(codes).toEqual({
      'empty.png': ['EMPTY', 'EMPTY'],
      'notes.png': ['NOT_AN_IMAGE', 'NOT_AN_IMAGE'],
      'truncated.png': ['CORRUPT', 'CORRUPT'],
      'readme.txt': ['NOT_AN_IMAGE', 'NOT_AN_IMAGE'],
    });
  });

  it('an image type browsers do not decode is UNSUPPORTED_TYPE in the app', async () => {
    expect(await workerCode(Buffer.from('II*\0'), 'scan.tiff', 'image/tiff')).toBe(
      'UNSUPPORTED_TYPE',
    );
  });
});
