import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { VitePWA } from 'vite-plugin-pwa';
import { webManifest } from './src/pwa/app-manifest.js';
import { manifestIcons, pwaIcons } from './scripts/pwa-icons.js';
import { precompress } from './scripts/vite-precompress.js';

export default defineConfig({
  plugins: [
    react(),
    tailwindcss(),
    pwaIcons(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      // Registered from src/pwa (a bundled module): no inline script, so the CSP stays strict.
      injectRegister: false,
      registerType: 'prompt',
      manifest: { ...webManifest, icons: manifestIcons() },
      includeManifestIcons: false,
      injectManifest: {
        // Shell, JS, CSS, both wasm builds, icons (the plugin adds the manifest); not the screenshots.
        globPatterns: ['**/*.{js,css,html,wasm,png,svg}'],
        globIgnores: ['screenshots/**'],
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      },
      devOptions: { enabled: false },
    }),
    precompress(),
  ],
  worker: { format: 'es' },
  // With TELEMETRY_URL set, `vite preview` forwards /api/ to a telemetry endpoint as nginx does.
  // The browser's Host is kept (changeOrigin off), so the endpoint recognises the app's origin.
  preview: process.env.TELEMETRY_URL
    ? { proxy: { '/api': { target: process.env.TELEMETRY_URL, changeOrigin: false } } }
    : {},
  build: { target: 'es2022', sourcemap: false },
  test: {
    include: [
      'src/**/*.test.{ts,tsx}',
      'server/**/*.test.ts',
      'scripts/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
