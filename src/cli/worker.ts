/**
 * A batch worker thread: holds one wasm instance (the library's per-thread engine) and converts
 * one file per message. libvips gets one thread per worker: the parallelism is the pool's.
 */
import { parentPort } from 'node:worker_threads';
import sharp from 'sharp';
import { convert } from './convert';
import type { ConvertTask } from './task';

sharp.concurrency(1);
sharp.cache(false);

const port = parentPort;
if (!port) throw new Error('worker.ts runs as a worker thread of the vectorizer CLI.');
port.on('message', (task: ConvertTask) => {
  void convert(task).then((outcome) => port.postMessage(outcome));
});
