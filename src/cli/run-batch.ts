/**
 * Runs a parsed command: expands the inputs, picks the shard, plans outputs, converts the files in
 * the worker pool, and reports per file (log lines, `--json` lines) and for the batch (progress
 * bar, summary). Returns the exit code: 0 all converted or skipped, 1 any failed, 130 interrupted.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { HEADER_BYTES, readImageDimensions } from '../engine/image-dimensions';
import { defaultEngine } from '../node/default-engine';
import { compileCoreModule } from '../node/wasm-module';
import type { CliConfig } from './args';
import { OutputExistsError } from './atomic-write';
import { largestFirst, planOutputs, type PlannedFile } from './batch-plan';
import { BatchReport, jsonLine, type FileRecord } from './batch-report';
import { toFailure } from './failure';
import type { Failure } from './task';
import { formatBytes, formatSeconds } from './format';
import { hasMagic } from './glob';
import { InThreadRunner, preferBaselineWasm } from './in-thread';
import { resultNotices } from '../engine/notices';
import { expandInputs } from './inputs';
import { Logger } from './logger';
import { STDIO } from './output-plan';
import { ProgressBar } from './progress-bar';
import { selectShard } from './shard';
import type { ConvertOutcome } from './task';
import { Timings } from './timings';
import { UsageError } from './usage-error';
import { WorkerPool, type RunTask } from './worker-pool';

type Runner = Pick<WorkerPool, 'forEach' | 'close'>;

export interface Terminal {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

/** How a path shows in log lines ('-' is standard input or output). */
const label = (path: string, stdio: string) => (path === STDIO ? stdio : path);

/**
 * Eight hex digits naming one file's lines in the log; unique enough within a run (node:crypto is
 * not loaded for this: it costs a one-file run several milliseconds of start-up).
 */
const logId = () =>
  Math.floor(Math.random() * 0x1_0000_0000)
    .toString(16)
    .padStart(8, '0');

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

async function readStdin(stdin: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

/** Where each file's outcome goes: the report, `--json`, the log and the bar. */
class BatchOutput {
  readonly logger: Logger;
  private readonly bar?: ProgressBar;

  constructor(
    private readonly config: CliConfig,
    private readonly io: Terminal,
    readonly report: BatchReport,
    readonly timings: Timings,
  ) {
    if (config.verbosity !== 'quiet' && io.stderr.isTTY === true)
      this.bar = new ProgressBar(io.stderr);
    this.logger = new Logger(config.verbosity, (line) =>
      this.bar ? this.bar.writeLine(line) : io.stderr.write(line + '\n'),
    );
    this.bar?.update(0, report.total);
  }

  record(entry: FileRecord, jobId?: string): void {
    this.report.add(entry);
    if (this.config.json) this.io.stdout.write(jsonLine(entry) + '\n');
    if (entry.status === 'failed')
      this.logger.error(`Failed: ${entry.input}: ${entry.error.message}`, jobId);
    this.bar?.update(this.report.done, this.report.total);
  }

  /** An SVG for standard output. */
  writeSvg(svg: string | Uint8Array): void {
    this.io.stdout.write(svg);
  }

  finish(): void {
    this.bar?.finish();
  }
}

/** Converts one planned file (or records why it does not run). */
async function runFile(
  { input, output, conflict }: PlannedFile,
  run: RunTask,
  config: CliConfig,
  out: BatchOutput,
  stdinBytes: Uint8Array | undefined,
): Promise<void> {
  const jobId = logId();
  const base = { input: input.path, output };
  const fail = (error: Failure, ms = 0) =>
    out.record({ ...base, status: 'failed', ms, error }, jobId);
  if (conflict) return fail({ code: 'OUTPUT_CONFLICT', message: conflict });
  if (output !== STDIO && !config.force && (await exists(output))) {
    if (!config.skipExisting) return fail(toFailure(new OutputExistsError(output)));
    out.logger.debug(`Skipped ${input.path}: ${output} exists.`, jobId);
    return out.record({ ...base, status: 'skipped', reason: 'output exists' }, jobId);
  }

  out.logger.debug(`Started ${input.path} → ${output}`, jobId);
  const outcome: ConvertOutcome = await run({
    input: stdinBytes ?? input.path,
    output,
    options: config.options,
    export: config.export,
    overwrite: config.force,
  });
  if (!outcome.ok) return fail(outcome.failure, outcome.ms);
  const { stats, bytesIn, bytesOut, ms, svg, phases, warnings } = outcome;
  out.timings.add(phases);
  for (const warning of [...resultNotices(stats), ...warnings])
    out.logger.warn(`${label(output, 'stdout')}: ${warning}`, jobId);
  if (svg !== undefined) out.writeSvg(svg);
  out.logger.info(
    `Complete! Time: ${formatSeconds(ms)} (${label(input.path, 'stdin')} → ` +
      `${label(output, 'stdout')}, ${stats.width}×${stats.height}, ${stats.colors} colours, ` +
      `${stats.paths} paths, ${formatBytes(bytesOut)})`,
    jobId,
  );
  const stages = Object.entries(stats.stageMs).map(([stage, t]) => `${stage} ${t.toFixed(1)} ms`);
  out.logger.debug(
    `Stages: ${stages.join(', ')}; peak heap ${formatBytes(stats.peakHeapBytes)}.`,
    jobId,
  );
  out.record({ ...base, status: 'ok', ms, bytesIn, bytesOut, stats }, jobId);
}

/** Worker threads worth starting before the inputs are listed: one per literal input, up to --jobs. */
function workersFor(config: CliConfig): number {
  return config.inputs.some(hasMagic)
    ? config.jobs
    : Math.max(1, Math.min(config.jobs, config.inputs.length));
}

/**
 * Images up to this many pixels (full HD), alone on the command line, convert in the main
 * thread: a worker thread's start-up would cost more than the conversion, and Ctrl-C, which waits
 * for the core's call to return, still takes effect within about a second.
 */
export const MAIN_THREAD_PIXELS = 2_100_000;

/** The first bytes of a file, or nothing when it cannot be read (converting it will say why). */
function fileHeader(path: string): Uint8Array {
  try {
    const fd = openSync(path, 'r');
    try {
      const header = new Uint8Array(HEADER_BYTES);
      return header.subarray(0, readSync(fd, header, 0, HEADER_BYTES, 0));
    } finally {
      closeSync(fd);
    }
  } catch {
    return new Uint8Array(0);
  }
}

/** Whether the command names one image that its header shows to be small. */
function isSingleSmallImage(config: CliConfig, stdinBytes: Uint8Array | undefined): boolean {
  const [input, ...more] = config.inputs;
  if (more.length > 0 || hasMagic(input)) return false;
  const size = readImageDimensions(stdinBytes ?? fileHeader(input));
  return size !== undefined && size.width * size.height <= MAIN_THREAD_PIXELS;
}

export async function runBatch(
  config: CliConfig,
  io: Terminal,
  interrupted: () => boolean,
): Promise<number> {
  const started = performance.now();
  const timings = new Timings();
  const stdinBytes = config.inputs[0] === STDIO ? await readStdin(io.stdin) : undefined;
  let runner: Runner;
  if (isSingleSmallImage(config, stdinBytes)) {
    // The core compiles (off the main thread) while the file is read and decoded.
    preferBaselineWasm();
    void timings.compiling(defaultEngine());
    runner = new InThreadRunner();
  } else {
    // The workers start (thread, decoder, wasm instance) while the inputs are being listed.
    const pool = new WorkerPool(workersFor(config), await timings.compiling(compileCoreModule()));
    pool.start();
    runner = pool;
  }
  try {
    return await convertAll(runner, config, io, interrupted, started, timings, stdinBytes);
  } finally {
    await runner.close();
    timings.print(io.stderr);
  }
}

async function convertAll(
  pool: Runner,
  config: CliConfig,
  io: Terminal,
  interrupted: () => boolean,
  started: number,
  timings: Timings,
  stdinBytes: Uint8Array | undefined,
): Promise<number> {
  const fromStdin = config.inputs[0] === STDIO;
  const { files, unmatched } = fromStdin
    ? { files: [{ path: STDIO, base: '.' }], unmatched: [] }
    : await expandInputs(config.inputs);
  const named = files.length + unmatched.length;
  if (config.output !== undefined && named > 1)
    throw new UsageError(`-o takes one input, but the inputs name ${named} files; use --out-dir.`);
  const selected = config.shard ? selectShard(files, config.shard, (file) => file.path) : files;
  const planned = planOutputs(selected, config);

  const report = new BatchReport(planned.length + unmatched.length);
  const out = new BatchOutput(config, io, report, timings);
  const { logger } = out;
  if (config.shard)
    logger.info(
      `Shard ${config.shard.index}/${config.shard.count}: ${selected.length} of ${files.length} files.`,
    );
  for (const arg of unmatched) {
    const message = hasMagic(arg) ? 'No file matches this pattern.' : 'No such file.';
    out.record({ status: 'failed', input: arg, ms: 0, error: { code: 'NO_INPUT', message } });
  }

  await pool.forEach(
    await largestFirst(planned),
    (file, run) => runFile(file, run, config, out, stdinBytes),
    interrupted,
  );

  out.finish();
  const elapsed = performance.now() - started;
  if (interrupted()) {
    logger.warn(`Interrupted after ${report.done} of ${report.total} files.`);
    logger.info(report.summary(elapsed));
    return 130;
  }
  if (report.total > 1 || report.failed > 0 || report.skipped > 0)
    logger.info(report.summary(elapsed));
  return report.failed > 0 ? 1 : 0;
}
