/**
 * The command line, parsed: positional inputs, output placement, batch flags and the engine
 * options (one flag per option in the schema). Anything unknown or malformed is a UsageError.
 */
import { availableParallelism } from 'node:os';
import type { VectorizeOptionsInput } from '../engine';
import { EXPORT_FLAGS, EXPORT_FLAG_HINTS, exportRequest, type ExportFlags } from './export-flags';
import type { ExportRequest } from './export-step';
import { checkOptions, parseOptionValue, specForFlag } from './option-flags';
import { parseShard, type Shard } from './shard';
import { UsageError } from './usage-error';

export type Verbosity = 'quiet' | 'normal' | 'verbose';

export interface CliConfig {
  /** Files, glob patterns, or '-' for standard input. */
  inputs: string[];
  /** -o: the output file for a single input ('-' for standard output). */
  output?: string;
  outDir?: string;
  options: VectorizeOptionsInput;
  /** --format and the size flags (or the extension of -o); none: the engine's SVG as it is. */
  export?: ExportRequest;
  jobs: number;
  json: boolean;
  verbosity: Verbosity;
  force: boolean;
  skipExisting: boolean;
  shard?: Shard;
}

export type Command = { kind: 'help' } | { kind: 'version' } | { kind: 'run'; config: CliConfig };

const MAX_JOBS = 256;

function parseJobs(text: string): number {
  const jobs = Number(text);
  if (!/^\d+$/.test(text) || jobs < 1 || jobs > MAX_JOBS)
    throw new UsageError(`--jobs must be a whole number from 1 to ${MAX_JOBS} (got "${text}").`);
  return jobs;
}

/** Splits `--flag=value` and finds the value of a flag that needs one. */
class ArgReader {
  private index = 0;
  constructor(private readonly args: readonly string[]) {}

  next(): string | undefined {
    return this.args[this.index++];
  }

  value(flag: string, inline: string | undefined, hint: string): string {
    if (inline !== undefined) return inline;
    const value = this.next();
    if (value === undefined) throw new UsageError(`${flag} needs a value (${hint}).`);
    return value;
  }
}

export function parseArgs(argv: readonly string[]): Command {
  const config: CliConfig = {
    inputs: [],
    options: {},
    jobs: availableParallelism(),
    json: false,
    verbosity: 'normal',
    force: false,
    skipExisting: false,
  };
  const options = config.options as Record<string, unknown>;
  const exportFlags: ExportFlags = {};
  const reader = new ArgReader(argv);
  let onlyInputs = false;
  for (let arg = reader.next(); arg !== undefined; arg = reader.next()) {
    if (onlyInputs || arg === '-' || !arg.startsWith('-')) {
      config.inputs.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyInputs = true;
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const noValue = () => {
      if (inline !== undefined) throw new UsageError(`${flag} takes no value (got "${inline}").`);
    };
    switch (flag) {
      case '-h':
      case '--help':
        return { kind: 'help' };
      case '--version':
        return { kind: 'version' };
      case '-o':
      case '--output':
        config.output = reader.value(flag, inline, 'a file name, or - for standard output');
        break;
      case '--out-dir':
        config.outDir = reader.value(flag, inline, 'a folder');
        break;
      case '-j':
      case '--jobs':
        config.jobs = parseJobs(reader.value(flag, inline, `1 to ${MAX_JOBS}`));
        break;
      case '--shard':
        config.shard = parseShard(reader.value(flag, inline, 'K/N, e.g. 2/8'));
        break;
      case '--json':
        noValue();
        config.json = true;
        break;
      case '-q':
      case '--quiet':
        noValue();
        config.verbosity = 'quiet';
        break;
      case '--verbose':
        noValue();
        config.verbosity = 'verbose';
        break;
      case '-f':
      case '--force':
        noValue();
        config.force = true;
        break;
      case '--skip-existing':
        noValue();
        config.skipExisting = true;
        break;
      default:
        if (flag in EXPORT_FLAGS) {
          const name = EXPORT_FLAGS[flag];
          exportFlags[name] = reader.value(flag, inline, EXPORT_FLAG_HINTS[name]);
        } else parseOptionFlag(flag, inline, reader, options);
    }
  }
  checkOptions(config.options);
  config.export = exportRequest(exportFlags, config.output);
  checkCombinations(config);
  return { kind: 'run', config };
}

function parseOptionFlag(
  flag: string,
  inline: string | undefined,
  reader: ArgReader,
  options: Record<string, unknown>,
): void {
  const negated = flag.startsWith('--no-') ? specForFlag('--' + flag.slice(5)) : undefined;
  if (negated?.kind === 'bool' && inline === undefined) {
    options[negated.name] = false;
    return;
  }
  const spec = specForFlag(flag);
  if (!spec) throw new UsageError(`Unknown flag ${flag}.`);
  if (spec.kind === 'bool') {
    options[spec.name] = inline === undefined ? true : parseOptionValue(spec, inline);
    return;
  }
  options[spec.name] = parseOptionValue(spec, reader.value(flag, inline, 'see --help'));
}

function checkCombinations(config: CliConfig): void {
  const { inputs, output, outDir } = config;
  if (inputs.length === 0) throw new UsageError('No input given (a file, a glob, or - for stdin).');
  if (output !== undefined && outDir !== undefined)
    throw new UsageError('Use either -o (one input) or --out-dir (any number), not both.');
  if (config.force && config.skipExisting)
    throw new UsageError('Use either --force or --skip-existing, not both.');
  if (inputs.includes('-')) {
    if (inputs.length > 1) throw new UsageError('Standard input (-) must be the only input.');
    if (outDir !== undefined)
      throw new UsageError('Standard input (-) goes to standard output or -o, not --out-dir.');
  }
  const toStdout = output === '-' || (inputs[0] === '-' && output === undefined);
  if (toStdout && config.json)
    throw new UsageError('--json writes to standard output; give the output a file with -o.');
}
