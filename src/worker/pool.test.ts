import { expose } from 'comlink';
import { describe, expect, it } from 'vitest';
import { VectorizeError } from '../engine';
import { WorkerPool } from './pool';
import type { JobResult, ProgressReport, VectorizeRequest, VectorizeWorkerApi } from './protocol';

/**
 * Workers for the pool in Node: real Comlink over a real MessageChannel, with a worker side the
 * test scripts (the browser's Worker with the wasm engine is covered by the Playwright specs).
 */
type Behaviour = (
  request: VectorizeRequest,
  onProgress: ProgressReport,
  worker: number,
) => Promise<JobResult>;

class FakeWorkers {
  created = 0;
  terminated = 0;
  prepared = 0;
  ports: MessagePort[] = [];
  constructor(private readonly behaviour: Behaviour) {}

  create = (): Worker => {
    const worker = (this.created += 1);
    const { port1, port2 } = new MessageChannel();
    const api: VectorizeWorkerApi = {
      prepare: async () => {
        this.prepared += 1;
      },
      vectorize: (request, onProgress) => this.behaviour(request, onProgress, worker),
    };
    expose(api, port2);
    this.ports.push(port1);
    return Object.assign(port1, {
      terminate: () => {
        this.terminated += 1;
        port1.close();
        port2.close();
      },
    }) as unknown as Worker;
  };
}

const done = (svg: string) => ({ svg }) as unknown as JobResult;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const task = (id: string) => ({ id, imageKey: id, file: new Blob(['x']), options: {} });

async function failureOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(VectorizeError);
    return (error as VectorizeError).toInfo();
  }
  throw new Error('expected the task to fail');
}

describe('WorkerPool', () => {
  it('runs at most `concurrency` tasks at once and queues the rest', async () => {
    let running = 0;
    let most = 0;
    const workers = new FakeWorkers(async (request) => {
      running += 1;
      most = Math.max(most, running);
      await wait(20);
      running -= 1;
      return done(request.imageKey);
    });
    const pool = new WorkerPool({ concurrency: 2 }, workers.create);
    const results = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((id) => pool.run(task(id))));
    expect(results.map((result) => result.svg)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(most).toBe(2);
    expect(workers.created).toBe(2);
    pool.dispose();
  });

  it('prepares one worker ahead of time, which then takes the first task', async () => {
    const workers = new FakeWorkers(async (request, _onProgress, worker) =>
      done(`${request.imageKey}@${worker}`),
    );
    const pool = new WorkerPool({ concurrency: 2 }, workers.create);
    pool.prepare();
    pool.prepare();
    await wait(10);
    expect([workers.created, workers.prepared]).toEqual([1, 1]);
    expect((await pool.run(task('a'))).svg).toBe('a@1');
    expect(workers.created).toBe(1);
    pool.dispose();
  });

  it('reports progress through the callback and tells when a task starts', async () => {
    const workers = new FakeWorkers(async (_request, onProgress) => {
      await onProgress({ stage: 'trace', fraction: 0.5, overall: 0.6 });
      return done('ok');
    });
    const pool = new WorkerPool({ concurrency: 1 }, workers.create);
    const seen: string[] = [];
    await pool.run({
      ...task('a'),
      onStart: () => seen.push('start'),
      onProgress: (progress) => seen.push(`${progress.stage}:${progress.overall}`),
    });
    expect(seen).toEqual(['start', 'trace:0.6']);
    pool.dispose();
  });

  it('keeps typed errors from the worker', async () => {
    const workers = new FakeWorkers(async () => {
      throw new VectorizeError('INVALID_OPTION', 'Option "minArea" is bad', { option: 'minArea' });
    });
    const pool = new WorkerPool({ concurrency: 1 }, workers.create);
    expect(await failureOf(pool.run(task('a')))).toEqual({
      code: 'INVALID_OPTION',
      message: 'Option "minArea" is bad',
      option: 'minArea',
    });
    pool.dispose();
  });

  it('cancels a running task by replacing its worker, and a queued one without', async () => {
    const workers = new FakeWorkers(async (request) => {
      if (request.imageKey === 'slow') await new Promise(() => {});
      return done(request.imageKey);
    });
    const pool = new WorkerPool({ concurrency: 1 }, workers.create);
    const slow = pool.run(task('slow'));
    const queued = pool.run(task('queued'));
    const next = pool.run(task('next'));
    await wait(10);
    pool.cancel('queued');
    pool.cancel('slow');
    expect((await failureOf(slow)).code).toBe('CANCELLED');
    expect((await failureOf(queued)).code).toBe('CANCELLED');
    expect((await next).svg).toBe('next');
    expect(workers.terminated).toBe(1);
    expect(workers.created).toBe(2);
    pool.dispose();
  });

  it('fails a task silent for longer than the watchdog allows, but not one making progress', async () => {
    const workers = new FakeWorkers(async (request, onProgress) => {
      if (request.imageKey === 'stuck') await new Promise(() => {});
      for (let step = 1; step <= 6; step++) {
        await wait(40);
        await onProgress({ stage: 'fit', fraction: step / 6, overall: step / 6 });
      }
      return done('steady');
    });
    const pool = new WorkerPool({ concurrency: 2, watchdogMs: 100 }, workers.create);
    const stuck = pool.run(task('stuck'));
    const steady = pool.run(task('steady'));
    const failure = await failureOf(stuck);
    expect(failure.code).toBe('TIMEOUT');
    expect((await steady).svg).toBe('steady');
    expect(workers.terminated).toBe(1);
    pool.dispose();
  });

  it('fails only the crashed worker’s task and carries on with a fresh worker', async () => {
    const workers = new FakeWorkers(async (request) => {
      if (request.imageKey === 'crash') await new Promise(() => {});
      return done(request.imageKey);
    });
    const pool = new WorkerPool({ concurrency: 1 }, workers.create);
    const crash = pool.run(task('crash'));
    const after = pool.run(task('after'));
    await wait(10);
    workers.ports[0].dispatchEvent(new Event('error', { cancelable: true }));
    expect((await failureOf(crash)).code).toBe('WORKER_CRASHED');
    expect((await after).svg).toBe('after');
    pool.dispose();
  });

  it('runs a re-run on the idle worker that already decoded its image', async () => {
    const workers = new FakeWorkers(async (request, _onProgress, worker) => {
      await wait(10);
      return done(`${request.imageKey}@${worker}`);
    });
    const pool = new WorkerPool({ concurrency: 2 }, workers.create);
    const first = await Promise.all([pool.run(task('a')), pool.run(task('b'))]);
    const rerun = await pool.run(task('b'));
    expect(rerun.svg).toBe(first[1].svg);
    pool.dispose();
  });
});
