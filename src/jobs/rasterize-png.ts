/**
 * PNG rendering for exports, on the main thread: a worker cannot render SVG, so the browser's own
 * renderer draws it — the sized SVG as a Blob URL in an Image, drawn on a canvas of the requested
 * size, encoded with `canvas.toBlob`. The engine checks the pixel budget before calling this.
 */
import { VectorizeError } from '../engine';

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () =>
      reject(new VectorizeError('INTERNAL', 'The browser could not render the SVG for the PNG.'));
    image.src = url;
  });
}

export async function rasterizeInBrowser(
  svg: string,
  width: number,
  height: number,
): Promise<Uint8Array> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = await loadImage(url);
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    const tooLarge = () =>
      new VectorizeError(
        'TOO_LARGE',
        `The browser could not make a ${width}×${height} canvas for the PNG (maxPixels); ask for ` +
          'a smaller size or a lower dpi.',
        { option: 'maxPixels' },
      );
    if (!context) throw tooLarge();
    context.drawImage(image, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw tooLarge();
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}
