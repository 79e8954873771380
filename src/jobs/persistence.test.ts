import { describe, expect, it } from 'vitest';
import { storedError } from './persistence';

describe('storedError', () => {
  it('reads errors saved by earlier versions in today’s vocabulary', () => {
    expect(storedError({ code: 'EMPTY_FILE', message: 'a.png is empty' })).toEqual({
      code: 'EMPTY',
      message: 'a.png is empty',
    });
    expect(storedError({ code: 'DECODE_FAILED', message: 'x' })?.code).toBe('CORRUPT');
    expect(storedError({ code: 'INVALID_OPTION', message: 'm', option: 'colors' })).toEqual({
      code: 'INVALID_OPTION',
      message: 'm',
      option: 'colors',
    });
    expect(storedError({ code: 'SOMETHING_ELSE', message: 'm' })?.code).toBe('INTERNAL');
    expect(storedError(undefined)).toBeUndefined();
  });
});
