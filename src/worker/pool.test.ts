import { expose } from 'comlink';
import sharp from 'sharp';
import { describe, expect, it, vi } from 'vitest';
import { VectorizeError, exportResult } from '../engine';
import { coreRasterizer } from '../engine/export/raster-scene';
import { loadEngine } from '../engine/test-support';
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

const paint = coreRasterizer(loadEngine);

class FakeWorkers {
  created = 0;
  terminated = 0;
  prepared = 0;
  exported = 0;
  /** PNGs the core painted for exports. */
  painted = 0;
  /** Which worker analysed which image. */
  analysed: [number, string][] = [];
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
      // What vectorize.worker.ts does: the engine's exporter, PNGs painted by the core.
      export: async (request) => {
        this.exported += 1;
        return exportResult({ svg: request.svg }, request.format, {
          ...request.options,
          rasterize: (svg, width, height) => ((this.painted += 1), paint(svg, width, height)),
        });
      },
      analyse: async (request) => {
        this.analysed.push([worker, request.imageKey]);
        const heatmap = new Blob(['png'], { type: 'image/png' });
        return {
          shares: { '#ffffff': 1 },
          fidelity: { meanDeltaE: 0.5, ssim: 0.99, width: 2, height: 2, heatmap },
        };
      },
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
    await vi.waitFor(() => expect(workers.prepared).toBe(1));
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
    // Steady reports every 40 ms; the watchdog allows 1 s of silence (25×: a busy machine
    // delays timers, but not by that much), so only the silent task can time out.
    const pool = new WorkerPool({ concurrency: 2, watchdogMs: 1000 }, workers.create);
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

  describe('exports', () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 20">' +
      '<path d="M0 0h40v20H0z" fill="#ff0000"/></svg>';
    const idle = () => new FakeWorkers(async () => done('unused'));

    it('exports in a worker with the engine: PDF at 85 mm wide', async () => {
      const workers = idle();
      const pool = new WorkerPool({ concurrency: 1 }, workers.create);
      const file = await pool.exportFile({ svg, format: 'pdf', options: { width: '85mm' } });
      expect(workers.exported).toBe(1);
      expect(new TextDecoder().decode(file.data.subarray(0, 8))).toBe('%PDF-1.4');
      expect(file.extension).toBe('.pdf');
      expect(file.page.width).toBeCloseTo((85 / 25.4) * 72, 2);
      expect(file.page.height).toBeCloseTo((85 / 25.4) * 72 * 0.5, 2);
      pool.dispose();
    });

    it('paints a PNG in the worker with the core, at the requested pixel size', async () => {
      const workers = idle();
      const pool = new WorkerPool({ concurrency: 1 }, workers.create);
      const file = await pool.exportFile({ svg, format: 'png', options: { scale: 2 } });
      expect(workers.painted).toBe(1);
      expect(file.pixels).toEqual({ width: 80, height: 40 });
      const { data, info } = await sharp(file.data).raw().toBuffer({ resolveWithObject: true });
      expect([info.width, info.height, info.channels]).toEqual([80, 40, 4]);
      // The drawing is one red rectangle over the whole canvas.
      expect(new Set(data.toString('hex').match(/.{8}/g))).toEqual(new Set(['ff0000ff']));
      pool.dispose();
    });

    it('refuses a PNG over the pixel budget with TOO_LARGE before rendering', async () => {
      const workers = idle();
      const pool = new WorkerPool({ concurrency: 1 }, workers.create);
      const info = await failureOf(
        pool.exportFile({ svg, format: 'png', options: { scale: 10, maxPixels: 1000 } }),
      );
      expect(info).toMatchObject({ code: 'TOO_LARGE', option: 'maxPixels' });
      expect(info.message).toContain('400×200');
      expect(workers.painted).toBe(0);
      pool.dispose();
    });

    it('keeps the engine’s typed option errors', async () => {
      const pool = new WorkerPool({ concurrency: 1 }, idle().create);
      expect(
        await failureOf(pool.exportFile({ svg, format: 'dxf', options: { width: '85 furlongs' } })),
      ).toMatchObject({ code: 'INVALID_OPTION', option: 'width' });
      pool.dispose();
    });

    it('waits for a free worker behind running jobs', async () => {
      const order: string[] = [];
      const workers = new FakeWorkers(async (request) => {
        await wait(20);
        order.push(request.imageKey);
        return done(request.imageKey);
      });
      const pool = new WorkerPool({ concurrency: 1 }, workers.create);
      const job = pool.run(task('a'));
      const file = pool
        .exportFile({ svg, format: 'eps', options: {} })
        .then(() => order.push('export'));
      await Promise.all([job, file]);
      expect(order).toEqual(['a', 'export']);
      expect(workers.created).toBe(1);
      pool.dispose();
    });
  });

  it('analyses a result on the idle worker that holds its decoded image', async () => {
    const workers = new FakeWorkers(async (request) => done(request.imageKey));
    const pool = new WorkerPool({ concurrency: 2 }, workers.create);
    await Promise.all([pool.run(task('a')), pool.run(task('b'))]);
    const analysis = await pool.analyse({ ...task('b'), svg: '<svg/>' });
    expect(analysis.shares).toEqual({ '#ffffff': 1 });
    // The heatmap crosses the boundary as a Blob (no per-pixel array).
    expect(analysis.fidelity).toMatchObject({ meanDeltaE: 0.5, ssim: 0.99 });
    expect(await analysis.fidelity.heatmap.text()).toBe('png');
    expect(workers.analysed).toEqual([[2, 'b']]);
    pool.dispose();
  });
});
