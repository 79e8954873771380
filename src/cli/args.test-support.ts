/** Test helpers for the command line: a run's config, or the usage error a command line gets. */
import { expect } from 'vitest';
import { parseArgs, type CliConfig } from './args';
import { UsageError } from './usage-error';

export function config(...argv: string[]): CliConfig {
  const command = parseArgs(argv);
  if (command.kind !== 'run') throw new Error(`expected a run, got ${command.kind}`);
  return command.config;
}

export function usageError(...argv: string[]): string {
  try {
    parseArgs(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`expected a UsageError for ${argv.join(' ')}`);
}
