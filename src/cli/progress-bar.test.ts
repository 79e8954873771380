import { describe, expect, it } from 'vitest';
import { formatBytes, formatEta, formatSeconds } from './format';
import { renderProgress } from './progress-bar';

describe('progress bar', () => {
  it('shows done/total, percentage, rate and ETA', () => {
    expect(renderProgress({ done: 30, total: 120, elapsedMs: 10_000 })).toBe(
      '[######------------------] 30/120 25%  3.0 img/s  ETA 30s',
    );
    expect(renderProgress({ done: 0, total: 10, elapsedMs: 0 })).toMatch(/0\/10 0% .* ETA --$/);
    expect(renderProgress({ done: 0, total: 0, elapsedMs: 5 })).toMatch(/^\[#{24}\] 0\/0 100%/);
  });

  it('formats sizes and durations', () => {
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1540)).toBe('1.54 kB');
    expect(formatBytes(12_300_000)).toBe('12.3 MB');
    expect(formatSeconds(230)).toBe('0.23s');
    expect(formatEta(187)).toBe('3m07s');
    expect(formatEta(7500)).toBe('2h05m');
  });
});
