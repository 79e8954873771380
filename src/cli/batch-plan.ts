/**
 * The batch's plan: each input with its output path, inputs whose output another input already
 * claims marked as conflicts, and the order files are handed to the workers.
 */
import { stat } from 'node:fs/promises';
import type { GlobMatch } from './glob';
import { outputPath, type OutputChoice } from './output-plan';

export interface PlannedFile {
  input: GlobMatch;
  output: string;
  /** Set when the file cannot run: its output is also an earlier file's. */
  conflict?: string;
}

export function planOutputs(files: readonly GlobMatch[], choice: OutputChoice): PlannedFile[] {
  const claimed = new Map<string, string>();
  return files.map((input) => {
    const output = outputPath(input, choice);
    const owner = claimed.get(output);
    if (owner === undefined) {
      claimed.set(output, input.path);
      return { input, output };
    }
    return { input, output, conflict: `${output} is also the output of ${owner}; rename one.` };
  });
}

/**
 * Largest files first (file size is a cheap stand-in for the work an image needs), so that a
 * batch does not end with one worker busy on a big image while the others sit idle.
 */
export async function largestFirst(files: readonly PlannedFile[]): Promise<PlannedFile[]> {
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
