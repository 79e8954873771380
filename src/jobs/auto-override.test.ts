import { describe, expect, it } from 'vitest';
import type { AutoChoice } from '../engine';
import { overriddenOptions } from './auto-override';

const choice = (changes: Partial<AutoChoice>): AutoChoice => ({
  kind: 'pixelArt',
  alpha: false,
  noisy: false,
  features: { flat: 0, exact: 0, grey: 0, extreme: 0, translucent: 0 },
  mode: 'pixel',
  preset: 'balanced',
  denoise: false,
  ...changes,
});

describe('overriddenOptions', () => {
  it('sets the kind’s mode and preset in place of auto and keeps the other options', () => {
    expect(overriddenOptions({ mode: 'auto', colors: 12 }, choice({}), 'lineArt')).toEqual({
      mode: 'bw',
      preset: 'balanced',
      colors: 12,
    });
    expect(overriddenOptions({ preset: 'auto' }, choice({}), 'illustration')).toEqual({
      mode: 'color',
      preset: 'high',
    });
  });

  it('keeps auto’s denoise for a noisy image unless the options set denoise', () => {
    const noisy = choice({ kind: 'logo', noisy: true, denoise: true });
    expect(overriddenOptions({ mode: 'auto' }, noisy, 'photo').denoise).toBe(true);
    expect(overriddenOptions({ mode: 'auto', denoise: false }, noisy, 'photo').denoise).toBe(false);
    expect(overriddenOptions({ mode: 'auto' }, choice({}), 'photo').denoise).toBeUndefined();
  });
});
