import { describe, expect, it } from 'vitest';
import { VectorizeError } from '../engine';
import { JobFailure, toJobError } from './job-error';

/** What Comlink makes of a thrown error on the other side: a plain Error with name and message. */
function acrossTheBoundary(error: Error): Error {
  return Object.assign(new Error(error.message), { name: error.name });
}

describe('toJobError', () => {
  it('keeps engine and app codes across a worker boundary, and through the pool again', () => {
    const engine = acrossTheBoundary(new VectorizeError('TOO_LARGE', 'over budget'));
    expect(toJobError(engine)).toEqual({ code: 'TOO_LARGE', message: 'over budget' });
    const rewrapped = new JobFailure('TOO_LARGE', 'over budget');
    expect(toJobError(acrossTheBoundary(rewrapped)).code).toBe('TOO_LARGE');
    expect(toJobError(acrossTheBoundary(new JobFailure('EMPTY_FILE', 'empty'))).code).toBe(
      'EMPTY_FILE',
    );
  });

  it('calls anything untyped INTERNAL', () => {
    expect(toJobError(new TypeError('x is undefined')).code).toBe('INTERNAL');
    expect(toJobError('boom')).toEqual({ code: 'INTERNAL', message: 'boom' });
    expect(toJobError(Object.assign(new Error('m'), { name: 'JobError:NOPE' })).code).toBe(
      'INTERNAL',
    );
  });
});
