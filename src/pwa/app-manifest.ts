/**
 * The web app manifest, minus the icons (rendered at build time by `scripts/pwa-icons.ts`),
 * and the names the manifest, the service worker and the page share.
 */

/** Where the OS posts images shared to the installed app (handled by the service worker). */
export const SHARE_TARGET_PATH = '/share-target';
/** The multipart field that carries the shared files. */
export const SHARE_TARGET_FIELD = 'images';
/** Query parameter on the page the service worker redirects to after stashing a share. */
export const SHARED_QUERY_PARAM = 'shared';

/** Image types the installed app opens from the OS and accepts from a share. */
export const HANDLED_IMAGE_TYPES: Readonly<Record<string, string[]>> = {
  'image/png': ['.png'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/webp': ['.webp'],
};

export const THEME_COLOR = '#3730a3';
export const BACKGROUND_COLOR = '#0f172a';

export const webManifest = {
  id: '/',
  name: 'Vectorizer — images to SVG',
  short_name: 'Vectorizer',
  description:
    'Turn PNG, JPEG and WebP images into clean SVG, in your browser. Nothing is uploaded; works offline.',
  lang: 'en',
  start_url: '/',
  scope: '/',
  display: 'standalone' as const,
  theme_color: THEME_COLOR,
  background_color: BACKGROUND_COLOR,
  categories: ['graphics', 'productivity', 'utilities'],
  screenshots: [
    {
      src: '/screenshots/wide.png',
      sizes: '1280x800',
      type: 'image/png',
      form_factor: 'wide' as const,
      label: 'An image and its SVG side by side',
    },
    {
      src: '/screenshots/narrow.png',
      sizes: '390x844',
      type: 'image/png',
      form_factor: 'narrow' as const,
      label: 'Vectorizer on a phone',
    },
  ],
  file_handlers: [{ action: '/', accept: { ...HANDLED_IMAGE_TYPES } }],
  launch_handler: { client_mode: 'focus-existing' as const },
  share_target: {
    action: SHARE_TARGET_PATH,
    method: 'POST' as const,
    enctype: 'multipart/form-data',
    params: {
      files: [
        {
          name: SHARE_TARGET_FIELD,
          accept: Object.entries(HANDLED_IMAGE_TYPES).flatMap(([type, exts]) => [type, ...exts]),
        },
      ],
    },
  },
};
