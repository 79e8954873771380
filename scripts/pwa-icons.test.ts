import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  APPLE_TOUCH_ICON,
  ICON_BACKGROUND,
  ICON_SOURCE,
  ICON_SPECS,
  renderIcon,
} from './pwa-icons';

const svg = readFileSync(ICON_SOURCE);
const background = [0x37, 0x30, 0xa3];

async function pixel(png: Buffer, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return [...data.subarray(at, at + info.channels)];
}

describe('PWA icons from the one SVG source', () => {
  it('renders every size the manifest lists as a PNG of that size', async () => {
    for (const spec of [...ICON_SPECS, APPLE_TOUCH_ICON]) {
      const { format, width, height } = await sharp(await renderIcon(svg, spec)).metadata();
      expect({ format, width, height }, spec.fileName).toEqual({
        format: 'png',
        width: spec.size,
        height: spec.size,
      });
    }
  });

  it('bleeds the background to the corners of maskable icons only', async () => {
    expect(ICON_BACKGROUND.toLowerCase()).toBe('#3730a3');
    for (const spec of ICON_SPECS) {
      const corner = await pixel(await renderIcon(svg, spec), 0, 0);
      if (spec.purpose === 'maskable') expect(corner, spec.fileName).toEqual([...background, 255]);
      else expect(corner[3], spec.fileName).toBe(0); // the logo's rounded corner is transparent
    }
  });
});
