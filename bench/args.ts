/** Command-line arguments of `npm run bench`. */
import { join, resolve } from 'node:path';

export interface BenchArgs {
  corpus: string;
  /** Categories to run (undefined: every folder of the corpus). */
  only?: string[];
  skipLarge: boolean;
  /** Leave out the 4× comparison with the ground-truth SVGs (the costliest measure). */
  noVector: boolean;
  /** Timed runs per conversion after the warm-up; the median is reported. */
  runs: number;
  /** A warm-up slower than this is the only timed run (the big images of slow tracers). */
  slowMs: number;
  /** Only one section: the tracer comparison (`main`) or the output styles (`cutouts`). */
  section?: 'main' | 'cutouts';
  /** Only the tracers of these names (undefined: every tracer). */
  tracers?: string[];
  /**
   * Extra runs of ours at preset balanced with options changed, one run per `--with`
   * (`name=value`, several joined by commas: `preset=ultra,gradients=auto`).
   */
  variants: [string, string][][];
}

export const USAGE =
  'usage: npm run bench -- [corpus-dir] [--only cat1,cat2] [--skip-large] [--no-vector] [--runs N] [--slow-ms MS] [--section main|cutouts] [--tracers a,b] [--with option=value[,option=value…]]…';

export class BenchArgsError extends Error {
  override name = 'BenchArgsError';
}

function positiveInteger(flag: string, text: string | undefined): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new BenchArgsError(`${flag} needs a positive integer, got ${text ?? 'nothing'}`);
  return value;
}

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = {
    corpus: resolve(join(import.meta.dirname, '../../shared/corpus')),
    skipLarge: false,
    noVector: false,
    runs: 3,
    slowMs: 2000,
    variants: [],
  };
  let corpusGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--skip-large') args.skipLarge = true;
    else if (arg === '--no-vector') args.noVector = true;
    else if (arg === '--runs') args.runs = positiveInteger(arg, argv[++i]);
    else if (arg === '--slow-ms') args.slowMs = positiveInteger(arg, argv[++i]);
    else if (arg === '--section') {
      const section = argv[++i];
      if (section !== 'main' && section !== 'cutouts')
        throw new BenchArgsError(`--section needs main or cutouts, got ${section ?? 'nothing'}`);
      args.section = section;
    } else if (arg === '--tracers') {
      const list = argv[++i]?.split(',').filter(Boolean);
      if (!list?.length) throw new BenchArgsError('--tracers needs a comma-separated tracer list');
      args.tracers = list;
    } else if (arg === '--with') {
      const pairs = (argv[++i] ?? '').split(',').map((text) => /^([A-Za-z]+)=(.+)$/.exec(text));
      if (!pairs.every((pair) => pair !== null))
        throw new BenchArgsError('--with needs option=value[,option=value…]');
      args.variants.push(pairs.map((pair) => [pair[1], pair[2]]));
    } else if (arg === '--only') {
      const list = argv[++i]?.split(',').filter(Boolean);
      if (!list?.length) throw new BenchArgsError('--only needs a comma-separated category list');
      args.only = list;
    } else if (arg.startsWith('-') || corpusGiven)
      throw new BenchArgsError(`unknown argument ${arg}`);
    else {
      args.corpus = resolve(arg);
      corpusGiven = true;
    }
  }
  return args;
}
