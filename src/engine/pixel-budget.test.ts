import { describe, expect, it } from 'vitest';
import { overPixelBudget } from './pixel-budget';

/**
 * One check, one message: the Rust core's `TooManyPixels` (wasm-core/src/error.rs, test
 * `pixel_budget_message_is_the_engines`) pins these same strings for the same sizes.
 */
describe('overPixelBudget', () => {
  it.each([
    [
      6000,
      7000,
      40_000_000,
      'The image is 6000×7000 (42.0 MP), over the pixel budget of 40.0 MP (maxPixels); use a smaller image or raise the budget.',
    ],
    [
      100,
      100,
      6144,
      'The image is 100×100 (10000 pixels), over the pixel budget of 6144 pixels (maxPixels); use a smaller image or raise the budget.',
    ],
    [
      60_000,
      60_000,
      268_435_456,
      'The image is 60000×60000 (3600.0 MP), over the pixel budget of 268.4 MP (maxPixels); use a smaller image or raise the budget.',
    ],
  ])('%i×%i over %i pixels', (width, height, budget, message) => {
    const error = overPixelBudget(width, height, budget);
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toBe(message);
  });

  it('rounds megapixels as the core does (toFixed: a tie goes up, a near-tie follows the f64)', () => {
    const count = (pixels: number) => /\(([^)]*)\)/.exec(overPixelBudget(pixels, 1, 1).message)![1];
    expect([16_250_000, 1_150_000, 1_350_000, 16_777_216].map(count)).toEqual([
      '16.3 MP',
      '1.1 MP',
      '1.4 MP',
      '16.8 MP',
    ]);
  });
});
