/**
 * What happened to each file, as counts and byte totals for the summary and as one JSON line per
 * file for `--json`.
 */
import type { VectorizeStats } from '../engine';
import { formatBytes, formatSeconds } from './format';
import type { Failure } from './task';

export type FileRecord =
  | {
      status: 'ok';
      input: string;
      output: string;
      ms: number;
      bytesIn: number;
      bytesOut: number;
      stats: VectorizeStats;
    }
  | { status: 'failed'; input: string; output?: string; ms: number; error: Failure }
  | { status: 'skipped'; input: string; output: string; reason: string };

export class BatchReport {
  ok = 0;
  failed = 0;
  skipped = 0;
  bytesIn = 0;
  bytesOut = 0;

  constructor(readonly total: number) {}

  get done(): number {
    return this.ok + this.failed + this.skipped;
  }

  add(record: FileRecord): void {
    if (record.status === 'ok') {
      this.ok++;
      this.bytesIn += record.bytesIn;
      this.bytesOut += record.bytesOut;
    } else if (record.status === 'failed') this.failed++;
    else this.skipped++;
  }

  summary(elapsedMs: number): string {
    const skipped = this.skipped ? `, ${this.skipped} skipped` : '';
    return (
      `Done: ${this.ok} ok, ${this.failed} failed${skipped} of ${this.total} in ` +
      `${formatSeconds(elapsedMs)}; ${formatBytes(this.bytesIn)} in, ${formatBytes(this.bytesOut)} out.`
    );
  }
}

const round = (ms: number) => Math.round(ms * 100) / 100;

/** One line of `--json` output (times in milliseconds, rounded to 0.01). */
export function jsonLine(record: FileRecord): string {
  if (record.status === 'skipped') return JSON.stringify(record);
  if (record.status === 'failed') return JSON.stringify({ ...record, ms: round(record.ms) });
  const stageMs = Object.fromEntries(
    Object.entries(record.stats.stageMs).map(([stage, ms]) => [stage, round(ms)]),
  );
  return JSON.stringify({ ...record, ms: round(record.ms), stats: { ...record.stats, stageMs } });
}
