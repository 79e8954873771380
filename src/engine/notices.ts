/**
 * What a person should know about a finished result beyond its numbers: limits the core applied.
 * The CLI logs these as warnings and the app shows them with the result's stats.
 */
import type { VectorizeStats } from './abi';

export function resultNotices(stats: Pick<VectorizeStats, 'paths' | 'strokesLeftOut'>): string[] {
  const notices: string[] = [];
  // Stored results from before the count existed have none.
  if (stats.strokesLeftOut > 0)
    notices.push(
      `Centerline mode wrote the ${stats.paths} longest strokes and left out ` +
        `${stats.strokesLeftOut} shorter ones: it caps the strokes so that an image that is not ` +
        'line art (a photo, a texture) still finishes. Mode color traces such an image as shapes.',
    );
  return notices;
}
