/**
 * The progress bar on a terminal: files done/total, rate and ETA, redrawn in place on standard
 * error. Log lines are written above it (the bar is cleared, the line written, the bar redrawn).
 */
import { formatEta } from './format';

export interface ProgressState {
  done: number;
  total: number;
  elapsedMs: number;
}

const BAR_CELLS = 24;

export function renderProgress({ done, total, elapsedMs }: ProgressState): string {
  const fraction = total === 0 ? 1 : Math.min(1, done / total);
  const filled = Math.round(fraction * BAR_CELLS);
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const eta = rate > 0 ? formatEta((total - done) / rate) : '--';
  return (
    `[${'#'.repeat(filled)}${'-'.repeat(BAR_CELLS - filled)}] ${done}/${total} ` +
    `${(fraction * 100).toFixed(0)}%  ${rate.toFixed(1)} img/s  ETA ${eta}`
  );
}

const CLEAR_LINE = '\r\x1b[2K';
const REDRAW_MS = 100;

export class ProgressBar {
  private state: ProgressState = { done: 0, total: 0, elapsedMs: 0 };
  private lastDraw = 0;
  private finished = false;
  private readonly started = performance.now();

  constructor(private readonly stream: NodeJS.WriteStream) {}

  update(done: number, total: number): void {
    if (this.finished) return;
    this.state = { done, total, elapsedMs: performance.now() - this.started };
    const now = performance.now();
    if (now - this.lastDraw < REDRAW_MS && done < total) return;
    this.lastDraw = now;
    this.draw();
  }

  /** Writes a line above the bar. */
  writeLine(line: string): void {
    this.stream.write(`${CLEAR_LINE}${line}\n`);
    if (!this.finished) this.draw();
  }

  /** Leaves the final state on screen; later lines go below it. */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.draw();
    this.stream.write('\n');
  }

  private draw(): void {
    const text = renderProgress(this.state);
    const columns = this.stream.columns || 80;
    this.stream.write(CLEAR_LINE + text.slice(0, columns - 1));
  }
}
