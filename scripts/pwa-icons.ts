/**
 * The app's icons, all rendered from one source (`public/icon.svg`) at build time: PNGs for
 * the manifest ("any" and "maskable" at 192 and 512 px) and an Apple touch icon. The Vite
 * plugin emits them into the build and links the SVG favicon, touch icon and theme colour
 * from index.html, so no generated file is committed.
 */
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import type { Plugin } from 'vite';

export const ICON_SOURCE = 'public/icon.svg';
/** The logo's background: the maskable icons bleed it to the edges. */
export const ICON_BACKGROUND = '#3730a3';
/** A maskable icon keeps its content inside the central 80 % (the safe-zone circle). */
const MASKABLE_CONTENT_SCALE = 0.8;

export type IconPurpose = 'any' | 'maskable';

export interface IconSpec {
  fileName: string;
  size: number;
  purpose: IconPurpose;
}

export const ICON_SPECS: readonly IconSpec[] = [
  { fileName: 'icons/icon-192.png', size: 192, purpose: 'any' },
  { fileName: 'icons/icon-512.png', size: 512, purpose: 'any' },
  { fileName: 'icons/maskable-192.png', size: 192, purpose: 'maskable' },
  { fileName: 'icons/maskable-512.png', size: 512, purpose: 'maskable' },
];
export const APPLE_TOUCH_ICON: IconSpec = {
  fileName: 'icons/apple-touch-icon.png',
  size: 180,
  purpose: 'maskable',
};

/** The manifest's `icons` member for the generated PNGs plus the SVG source. */
export function manifestIcons(): { src: string; sizes: string; type: string; purpose: string }[] {
  return [
    ...ICON_SPECS.map(({ fileName, size, purpose }) => ({
      src: `/${fileName}`,
      sizes: `${size}x${size}`,
      type: 'image/png',
      purpose,
    })),
    { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
  ];
}

/** Renders one icon: the source as is, or shrunk onto a full-bleed background when maskable. */
export async function renderIcon(svg: Buffer, { size, purpose }: IconSpec): Promise<Buffer> {
  if (purpose === 'any') return sharp(svg, { density: 300 }).resize(size, size).png().toBuffer();
  const inner = Math.round(size * MASKABLE_CONTENT_SCALE);
  const logo = await sharp(svg, { density: 300 }).resize(inner, inner).png().toBuffer();
  const offset = Math.round((size - inner) / 2);
  return sharp({
    create: { width: size, height: size, channels: 4, background: ICON_BACKGROUND },
  })
    .composite([{ input: logo, left: offset, top: offset }])
    .png()
    .toBuffer();
}

/** Vite plugin: emits every icon into the build and links them from index.html. */
export function pwaIcons(): Plugin {
  return {
    name: 'vectorizer-pwa-icons',
    async generateBundle() {
      const svg = await readFile(ICON_SOURCE);
      for (const spec of [...ICON_SPECS, APPLE_TOUCH_ICON]) {
        const source = await renderIcon(svg, spec);
        this.emitFile({ type: 'asset', fileName: spec.fileName, source });
      }
    },
    transformIndexHtml() {
      return [
        { tag: 'link', attrs: { rel: 'icon', href: '/icon.svg', type: 'image/svg+xml' } },
        { tag: 'link', attrs: { rel: 'apple-touch-icon', href: `/${APPLE_TOUCH_ICON.fileName}` } },
        { tag: 'meta', attrs: { name: 'theme-color', content: ICON_BACKGROUND } },
      ];
    },
  };
}
