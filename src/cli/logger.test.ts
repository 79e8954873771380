import { describe, expect, it } from 'vitest';
import { Logger, formatLogLine, formatTimestamp } from './logger';

describe('log lines', () => {
  it("follow the product's format", () => {
    const date = new Date(2026, 10, 28, 0, 15, 49);
    expect(formatTimestamp(date)).toBe('2026-11-28 00:15:49');
    expect(formatLogLine('INFO', 'Complete! Time: 0.23s', '3f2a9c01', date)).toBe(
      '[2026-11-28 00:15:49] INFO - [JOB 3f2a9c01] Complete! Time: 0.23s',
    );
    expect(formatLogLine('ERROR', 'No such file.', undefined, date)).toBe(
      '[2026-11-28 00:15:49] ERROR - No such file.',
    );
  });

  it('filters by verbosity', () => {
    const seen = (verbosity: 'quiet' | 'normal' | 'verbose') => {
      const lines: string[] = [];
      const logger = new Logger(verbosity, (line) => lines.push(line));
      logger.debug('d');
      logger.info('i');
      logger.warn('w');
      logger.error('e');
      return lines.map((line) => line.split(' - ')[1]);
    };
    expect(seen('quiet')).toEqual(['e']);
    expect(seen('normal')).toEqual(['i', 'w', 'e']);
    expect(seen('verbose')).toEqual(['d', 'i', 'w', 'e']);
  });
});
