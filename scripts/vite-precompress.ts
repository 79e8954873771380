/**
 * Vite plugin: writes a gzip copy (`name.gz`, level 9) beside every compressible file of the
 * build, so nginx's `gzip_static` serves it without compressing on each request. Files under
 * 1 KB or that do not shrink are left alone.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { constants, gzipSync } from 'node:zlib';
import type { Plugin, ResolvedConfig } from 'vite';

const COMPRESSIBLE = /\.(?:js|mjs|css|html|wasm|svg|json|webmanifest|txt)$/;
const MIN_BYTES = 1024;

export async function precompressDirectory(dir: string): Promise<string[]> {
  const written: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !COMPRESSIBLE.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    const raw = await readFile(path);
    if (raw.length < MIN_BYTES) continue;
    const gz = gzipSync(raw, { level: constants.Z_BEST_COMPRESSION });
    if (gz.length >= raw.length) continue;
    await writeFile(`${path}.gz`, gz);
    written.push(`${path}.gz`);
  }
  return written;
}

export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'vectorizer-precompress',
    apply: 'build',
    enforce: 'post',
    configResolved(config: ResolvedConfig) {
      outDir = join(config.root, config.build.outDir);
    },
    async closeBundle() {
      await precompressDirectory(outDir);
    },
  };
}
