/** The pixel budget's error, worded the same wherever an image is refused for its size. */
import { VectorizeError } from './errors';

/** `16777216` → `16.8 MP`; counts under a megapixel stay exact (`6144 pixels`). */
function formatPixelCount(pixels: number): string {
  return pixels >= 1e6 ? `${(pixels / 1e6).toFixed(1)} MP` : `${pixels} pixels`;
}

/** The TOO_LARGE error for a `width`×`height` image when at most `maxPixels` are allowed. */
export function overPixelBudget(width: number, height: number, maxPixels: number): VectorizeError {
  return new VectorizeError(
    'TOO_LARGE',
    `The image is ${width}×${height} (${formatPixelCount(width * height)}), over the pixel ` +
      `budget of ${formatPixelCount(maxPixels)} (maxPixels); use a smaller image or raise the budget.`,
  );
}
