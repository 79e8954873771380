/**
 * A batch worker thread: holds one wasm instance (the library's per-thread engine, on the module
 * the pool compiled once) and converts the files it is sent one after the other, answering each
 * with its outcome in the same order. libvips gets one thread per worker: the parallelism is the
 * pool's.
 */
import { parentPort, workerData } from 'node:worker_threads';
import sharp from 'sharp';
import { adoptCompiledModule } from '../node/default-engine';
import { convert } from './convert';
import type { ConvertTask } from './task';

const { module } = workerData as { module: WebAssembly.Module };
adoptCompiledModule(module);
sharp.concurrency(1);
sharp.cache(false);

const port = parentPort;
if (!port) throw new Error('worker.ts runs as a worker thread of the vectorizer CLI.');
let queue = Promise.resolve();
port.on('message', (task: ConvertTask) => {
  queue = queue.then(async () => port.postMessage(await convert(task)));
});
