import { describe, expect, it } from 'vitest';
import { KIND_SETTINGS } from '../engine';
import { sampleAutoChoice } from '../engine/auto.test-support';
import { overriddenOptions } from './auto-override';

const choice = sampleAutoChoice;

describe('overriddenOptions', () => {
  it('sets the kind’s mode and preset in place of auto and keeps the other options', () => {
    expect(overriddenOptions({ mode: 'auto', colors: 12 }, choice({}), 'lineArt')).toEqual({
      mode: 'bw',
      preset: 'balanced',
      colors: 12,
    });
    expect(overriddenOptions({ preset: 'auto' }, choice({}), 'illustration')).toEqual(
      KIND_SETTINGS.illustration,
    );
  });

  it('keeps auto’s denoise for a noisy image unless the options set denoise', () => {
    const noisy = choice({ kind: 'logo', noisy: true, denoise: true });
    expect(overriddenOptions({ mode: 'auto' }, noisy, 'photo').denoise).toBe(true);
    expect(overriddenOptions({ mode: 'auto', denoise: false }, noisy, 'photo').denoise).toBe(false);
    expect(overriddenOptions({ mode: 'auto' }, choice({}), 'photo').denoise).toBeUndefined();
  });
});
