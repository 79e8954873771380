/** Log lines in the operations manual's format: `[YYYY-MM-DD HH:MM:SS] LEVEL - message` (UTC). */
export type LogLevel = 'INFO' | 'WARNING' | 'ERROR' | 'CRITICAL';

export type LogSink = (line: string) => void;

export interface Logger {
  log(level: LogLevel, message: string): void;
}

function two(value: number): string {
  return String(value).padStart(2, '0');
}

export function formatTimestamp(date: Date): string {
  return (
    `${date.getUTCFullYear()}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())} ` +
    `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`
  );
}

export function formatLogLine(level: LogLevel, message: string, date: Date): string {
  return `[${formatTimestamp(date)}] ${level} - ${message}`;
}

export function createLogger(sink: LogSink = (line) => process.stdout.write(`${line}\n`)): Logger {
  return { log: (level, message) => sink(formatLogLine(level, message, new Date())) };
}
