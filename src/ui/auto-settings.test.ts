import { describe, expect, it } from 'vitest';
import type { AutoChoice } from '../engine';
import { autoSettingsText } from './auto-settings';

const choice: AutoChoice = {
  kind: 'logo',
  alpha: false,
  noisy: true,
  features: { flat: 0.9, exact: 0.5, grey: 0, extreme: 0, translucent: 0 },
  mode: 'color',
  preset: 'balanced',
  denoise: true,
};

describe('autoSettingsText', () => {
  it('names the settings auto chose: those the options left to it', () => {
    expect(autoSettingsText({ mode: 'auto', preset: 'auto' }, choice)).toBe(
      'color mode, balanced preset, denoise',
    );
    expect(autoSettingsText({ mode: 'auto', denoise: false }, choice)).toBe('color mode');
    expect(autoSettingsText({ preset: 'auto', mode: 'bw' }, { ...choice, denoise: false })).toBe(
      'balanced preset',
    );
  });
});
