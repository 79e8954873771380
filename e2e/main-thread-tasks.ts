/**
 * Reads a Chromium trace for the main-thread tasks of a page between two `performance.mark`s.
 * Each task is measured in thread CPU time (`tdur`), not wall time: on a busy machine a task
 * waits for a core as long as the other processes keep it, and wall time then says more about
 * the machine than about the page. Tasks the test harness causes (DevTools messages, such as
 * Playwright's own evaluations) are left out.
 */

interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { data?: Record<string, unknown>; [key: string]: unknown };
}

export interface MainThreadTask {
  /** Milliseconds after the first mark. */
  at: number;
  cpuMs: number;
  wallMs: number;
  /** The task's heaviest steps by CPU time, as readable lines (script URLs and lines included). */
  breakdown: string[];
}

const TASK = 'ThreadControllerImpl::RunTask';

function describe(event: TraceEvent): string {
  const data = event.args?.data ?? {};
  const where = [data.functionName, data.url, data.lineNumber, data.type, data.src_func]
    .filter((part) => part !== undefined && part !== '')
    .join(' ');
  const cpu = ((event.tdur ?? 0) / 1000).toFixed(1);
  return `${cpu} ms ${event.name}${where ? ` (${String(where).slice(0, 160)})` : ''}`;
}

function isHarness(events: TraceEvent[]): boolean {
  return events.some((event) => {
    const info = event.args?.chrome_mojo_event_info as { mojo_interface_tag?: string } | undefined;
    return event.name === 'Receive mojo message' && info?.mojo_interface_tag?.includes('DevTools');
  });
}

/**
 * The tasks that ran on the main thread of the page that made `startMark`, from that mark until
 * `endMark`, heaviest first.
 */
export function mainThreadTasks(
  trace: { traceEvents: TraceEvent[] },
  startMark: string,
  endMark: string,
): MainThreadTask[] {
  const events = trace.traceEvents;
  const mark = (name: string) =>
    events.find((event) => event.name === name && event.cat?.includes('user_timing'));
  const start = mark(startMark);
  const end = mark(endMark);
  if (!start || !end) throw new Error(`The trace lacks the mark ${start ? endMark : startMark}.`);
  const onMain = events.filter(
    (event) => event.pid === start.pid && event.tid === start.tid && event.ph === 'X',
  );
  return onMain
    .filter(
      (task) => task.name === TASK && task.ts + (task.dur ?? 0) >= start.ts && task.ts <= end.ts,
    )
    .map((task) => {
      const inside = onMain.filter(
        (event) =>
          event !== task &&
          event.ts >= task.ts &&
          event.ts + (event.dur ?? 0) <= task.ts + (task.dur ?? 0),
      );
      return { task, inside };
    })
    .filter(({ inside }) => !isHarness(inside))
    .map(({ task, inside }) => ({
      at: Math.round((task.ts - start.ts) / 1000),
      cpuMs: (task.tdur ?? task.dur ?? 0) / 1000,
      wallMs: (task.dur ?? 0) / 1000,
      breakdown: inside
        .filter((event) => (event.tdur ?? 0) >= 2000)
        .sort((a, b) => (b.tdur ?? 0) - (a.tdur ?? 0))
        .slice(0, 12)
        .map(describe),
    }))
    .sort((a, b) => b.cpuMs - a.cpuMs);
}

export function formatTask(task: MainThreadTask): string {
  return [
    `task at +${task.at} ms: ${task.cpuMs.toFixed(1)} ms CPU (${task.wallMs.toFixed(1)} ms wall)`,
    ...task.breakdown.map((line) => `    ${line}`),
  ].join('\n');
}
