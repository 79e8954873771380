/**
 * Log lines in the product's format, on standard error:
 * `[2026-11-28 00:15:49] INFO - [JOB 3f2a9c01] Complete! Time: 0.23s`.
 * `--quiet` keeps errors only; `--verbose` adds DEBUG lines.
 */
import type { Verbosity } from './args';

export type LogLevel = 'DEBUG' | 'INFO' | 'WARNING' | 'ERROR';

const RANK: Record<LogLevel, number> = { DEBUG: 0, INFO: 1, WARNING: 2, ERROR: 3 };
const THRESHOLD: Record<Verbosity, number> = { verbose: 0, normal: 1, quiet: 3 };

const pad = (n: number) => String(n).padStart(2, '0');

/** Local time as 'YYYY-MM-DD HH:MM:SS'. */
export function formatTimestamp(date: Date): string {
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  );
}

export function formatLogLine(
  level: LogLevel,
  message: string,
  jobId?: string,
  date: Date = new Date(),
): string {
  const job = jobId ? `[JOB ${jobId}] ` : '';
  return `[${formatTimestamp(date)}] ${level} - ${job}${message}`;
}

export class Logger {
  constructor(
    private readonly verbosity: Verbosity,
    private readonly writeLine: (line: string) => void,
  ) {}

  log(level: LogLevel, message: string, jobId?: string): void {
    if (RANK[level] >= THRESHOLD[this.verbosity])
      this.writeLine(formatLogLine(level, message, jobId));
  }

  debug(message: string, jobId?: string): void {
    this.log('DEBUG', message, jobId);
  }
  info(message: string, jobId?: string): void {
    this.log('INFO', message, jobId);
  }
  warn(message: string, jobId?: string): void {
    this.log('WARNING', message, jobId);
  }
  error(message: string, jobId?: string): void {
    this.log('ERROR', message, jobId);
  }
}
