import { describe, expect, it } from 'vitest';
import { sampleAutoChoice } from '../engine/auto.test-support';
import { autoSettingsText } from './auto-settings';

const choice = sampleAutoChoice({
  kind: 'logo',
  noisy: true,
  mode: 'color',
  denoise: true,
});

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
