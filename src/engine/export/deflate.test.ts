import { unzlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { deflate } from './deflate';

describe('deflate', () => {
  it('gives a zlib stream that inflates to the input, natively and with fflate', async () => {
    const text = new TextEncoder().encode(
      '0.5 0.25 0.125 rg\n10 20 m\n30 40 l\nh\nf\n'.repeat(500),
    );
    for (const native of [true, false]) {
      const packed = await deflate(text, native);
      expect(packed[0] & 0x0f, 'zlib header: deflate').toBe(8);
      expect(packed.length).toBeLessThan(text.length / 10);
      expect(unzlibSync(packed)).toEqual(text);
    }
  });
});
