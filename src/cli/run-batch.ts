/**
 * Runs a parsed command: expands the inputs, picks the shard, plans outputs, converts the files in
 * the worker pool, and reports per file (log lines, `--json` lines) and for the batch (progress
 * bar, summary). Returns the exit code: 0 all converted or skipped, 1 any failed, 130 interrupted.
 */
import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import type { CliConfig } from './args';
import { OutputExistsError } from './atomic-write';
import { BatchReport, jsonLine, type FileRecord } from './batch-report';
import { compileCoreModule } from '../node/wasm-module';
import { toFailure } from './failure';
import { formatBytes, formatSeconds } from './format';
import type { GlobMatch } from './glob';
import { expandInputs } from './inputs';
import { Logger } from './logger';
import { STDIO, outputPath } from './output-plan';
import { ProgressBar } from './progress-bar';
import { selectShard } from './shard';
import { UsageError } from './usage-error';
import { WorkerPool } from './worker-pool';

export interface Terminal {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

/** How a path shows in log lines ('-' is standard input or output). */
const label = (path: string, stdio: string) => (path === STDIO ? stdio : path);

interface PlannedFile {
  input: GlobMatch;
  output: string;
  /** Set when the file cannot run (its output collides with an earlier file's). */
  conflict?: string;
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

function plan(files: readonly GlobMatch[], config: CliConfig): PlannedFile[] {
  const claimed = new Map<string, string>();
  return files.map((input) => {
    const output = outputPath(input, config);
    const owner = claimed.get(output);
    if (owner === undefined) claimed.set(output, input.path);
    const conflict = owner && `${output} is also the output of ${owner}; rename one of them.`;
    return { input, output, conflict };
  });
}

/**
 * The order files are handed to workers: largest first (by file size, a cheap stand-in for the
 * work an image needs), so that the batch does not end with one worker busy on a big image while
 * the others sit idle.
 */
async function largestFirst(files: PlannedFile[]): Promise<PlannedFile[]> {
  const sizes = await Promise.all(
    files.map((file) =>
      stat(file.input.path).then(
        (info) => info.size,
        () => 0,
      ),
    ),
  );
  return files
    .map((file, i) => ({ file, size: sizes[i] }))
    .sort((a, b) => b.size - a.size)
    .map(({ file }) => file);
}

async function readStdin(stdin: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

export async function runBatch(
  config: CliConfig,
  io: Terminal,
  interrupted: () => boolean,
): Promise<number> {
  const started = performance.now();
  const fromStdin = config.inputs[0] === STDIO;
  const { files, unmatched } = fromStdin
    ? { files: [{ path: STDIO, base: '.' }], unmatched: [] }
    : await expandInputs(config.inputs);
  if (config.output !== undefined && files.length + unmatched.length > 1)
    throw new UsageError(
      `-o takes one input, but the inputs name ${files.length + unmatched.length} files; use --out-dir.`,
    );
  const selected = config.shard ? selectShard(files, config.shard, (file) => file.path) : files;
  const planned = plan(selected, config);

  const report = new BatchReport(planned.length + unmatched.length);
  const showBar = config.verbosity !== 'quiet' && io.stderr.isTTY === true;
  const bar = showBar ? new ProgressBar(io.stderr) : undefined;
  const logger = new Logger(config.verbosity, (line) =>
    bar ? bar.writeLine(line) : io.stderr.write(line + '\n'),
  );
  const record = (entry: FileRecord, jobId?: string) => {
    report.add(entry);
    if (config.json) io.stdout.write(jsonLine(entry) + '\n');
    if (entry.status === 'failed')
      logger.error(`Failed: ${entry.input}: ${entry.error.message}`, jobId);
    bar?.update(report.done, report.total);
  };

  if (config.shard)
    logger.info(
      `Shard ${config.shard.index}/${config.shard.count}: ${selected.length} of ${files.length} files.`,
    );
  for (const arg of unmatched) {
    const reason =
      arg.includes('*') || arg.includes('{') ? 'No file matches this pattern.' : 'No such file.';
    record({ status: 'failed', input: arg, ms: 0, error: { code: 'NO_INPUT', message: reason } });
  }
  bar?.update(report.done, report.total);

  const stdinBytes = fromStdin ? await readStdin(io.stdin) : undefined;
  const pool = new WorkerPool(Math.min(config.jobs, planned.length), await compileCoreModule());
  try {
    await pool.forEach(
      await largestFirst(planned),
      async ({ input, output, conflict }, run) => {
        const jobId = randomBytes(4).toString('hex');
        const base = { input: input.path, output };
        if (conflict)
          return record(
            {
              ...base,
              status: 'failed',
              ms: 0,
              error: { code: 'OUTPUT_CONFLICT', message: conflict },
            },
            jobId,
          );
        if (output !== STDIO && !config.force && (await exists(output))) {
          if (!config.skipExisting)
            return record(
              { ...base, status: 'failed', ms: 0, error: toFailure(new OutputExistsError(output)) },
              jobId,
            );
          logger.debug(`Skipped ${input.path}: ${output} exists.`, jobId);
          return record({ ...base, status: 'skipped', reason: 'output exists' }, jobId);
        }
        logger.debug(`Started ${input.path} → ${output}`, jobId);
        const outcome = await run({
          input: stdinBytes ?? input.path,
          output,
          options: config.options,
          overwrite: config.force,
        });
        if (!outcome.ok)
          return record(
            { ...base, status: 'failed', ms: outcome.ms, error: outcome.failure },
            jobId,
          );
        if (outcome.svg !== undefined) io.stdout.write(outcome.svg);
        const { stats, bytesIn, bytesOut, ms } = outcome;
        logger.info(
          `Complete! Time: ${formatSeconds(ms)} (${label(input.path, 'stdin')} → ${label(output, 'stdout')}, ` +
            `${stats.width}×${stats.height}, ${stats.colors} colours, ${stats.paths} paths, ${formatBytes(bytesOut)})`,
          jobId,
        );
        logger.debug(
          `Stages: ${Object.entries(stats.stageMs)
            .map(([stage, t]) => `${stage} ${t.toFixed(1)} ms`)
            .join(', ')}; ` + `peak heap ${formatBytes(stats.peakHeapBytes)}.`,
          jobId,
        );
        record({ ...base, status: 'ok', ms, bytesIn, bytesOut, stats }, jobId);
      },
      interrupted,
    );
  } finally {
    await pool.close();
  }

  bar?.finish();
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
