/**
 * The `vectorizer` command. Parses the command line, then runs the batch; a bad command line is
 * one line on standard error and exit code 2. Ctrl-C stops handing out files, lets the running
 * ones finish and exits with 130; a second Ctrl-C exits at once.
 */
import { parseArgs } from './args';
import { helpText } from './help';
import { runBatch } from './run-batch';
import { UsageError } from './usage-error';

declare const VECTORIZER_VERSION: string | undefined;
const version = typeof VECTORIZER_VERSION === 'string' ? VECTORIZER_VERSION : 'dev';

async function main(argv: string[]): Promise<number> {
  try {
    const command = parseArgs(argv);
    if (command.kind === 'help') {
      process.stdout.write(helpText(version) + '\n');
      return 0;
    }
    if (command.kind === 'version') {
      process.stdout.write(version + '\n');
      return 0;
    }
    // A closed pipe on standard output (`vectorizer - | head`) ends the run quietly, like SIGPIPE.
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(141);
      throw error;
    });
    let interrupted = false;
    process.on('SIGINT', () => {
      if (interrupted) process.exit(130);
      interrupted = true;
    });
    return await runBatch(command.config, process, () => interrupted);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`vectorizer: ${error.message} See vectorizer --help.\n`);
    return 2;
  }
}

// No top-level await: the command is bundled as CommonJS (see scripts/build-node.mjs).
void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
