import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TelemetryServer } from './server.js';
import { postEvents, startTestServer } from './test-support.js';

const prometheusPort = 19091;
const prometheusUrl = `http://127.0.0.1:${prometheusPort}`;
const workDir = resolve('.tmp/telemetry/prometheus');

interface QueryResult {
  status: string;
  data: { result: { metric: Record<string, string>; value: [number, string] }[] };
}

async function query(expr: string): Promise<QueryResult> {
  const response = await fetch(`${prometheusUrl}/api/v1/query?query=${encodeURIComponent(expr)}`);
  return (await response.json()) as QueryResult;
}

/** Polls until `check` holds; Prometheus scrapes every second, so this settles within a few. */
async function waitFor(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt++) {
    if (await check().catch(() => false)) return;
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('a real Prometheus scraping the endpoint', () => {
  let server: TelemetryServer;
  let url: string;
  let prometheus: ChildProcess;

  beforeAll(async () => {
    ({ server, url } = await startTestServer(18030, { rateLimitBurst: 1000 }));
    await rm(workDir, { recursive: true, force: true });
    await mkdir(workDir, { recursive: true });
    const shipped = await readFile('monitoring/prometheus.yml', 'utf8');
    const config = shipped
      .replace('scrape_interval: 15s', 'scrape_interval: 1s')
      .replace(`'telemetry:8000'`, `'127.0.0.1:${server.port}'`)
      .replace('- alert-rules.yml', `- ${resolve('monitoring/alert-rules.yml')}`);
    await writeFile(`${workDir}/prometheus.yml`, config);
    prometheus = spawn(
      '/usr/bin/prometheus',
      [
        `--config.file=${workDir}/prometheus.yml`,
        `--storage.tsdb.path=${workDir}/data`,
        `--web.listen-address=127.0.0.1:${prometheusPort}`,
      ],
      { stdio: 'ignore' },
    );
    await waitFor(
      async () => (await fetch(`${prometheusUrl}/-/ready`)).ok,
      'Prometheus to be ready',
    );
  });

  afterAll(async () => {
    if (prometheus.exitCode === null) {
      prometheus.kill('SIGTERM');
      await once(prometheus, 'exit');
    }
    await server.close();
  });

  it('scrapes the job counters after events were sent', async () => {
    const response = await postEvents(url, {
      events: [
        { jobId: 'p-1', status: 'started' },
        { jobId: 'p-1', status: 'complete', durationSeconds: 2.5 },
        { jobId: 'p-2', status: 'complete', durationSeconds: 0.4 },
        { jobId: 'p-3', status: 'failed', errorCode: 'CORRUPT' },
      ],
    });
    expect(response.status).toBe(202);
    await waitFor(async () => {
      const result = await query('vectorizer_jobs_total{status="complete"}');
      return result.data.result[0]?.value[1] === '2';
    }, 'vectorizer_jobs_total{status="complete"} = 2');
    const failed = await query('vectorizer_jobs_total{status="failed"}');
    expect(failed.data.result[0]?.value[1]).toBe('1');
    const up = await query('up{job="vectorizer-telemetry"}');
    expect(up.data.result[0]?.value[1]).toBe('1');
  });

  it('evaluates every dashboard query without error', async () => {
    const dashboard = JSON.parse(
      await readFile('monitoring/grafana/dashboards/vectorizer.json', 'utf8'),
    ) as {
      panels: { targets: { expr: string }[] }[];
    };
    const exprs = dashboard.panels.flatMap((panel) => panel.targets.map((target) => target.expr));
    expect(exprs.length).toBeGreaterThanOrEqual(6);
    for (const expr of exprs) {
      const result = await query(expr.replaceAll('$__range', '5m'));
      expect(result.status, expr).toBe('success');
    }
  });

  it('loads the alert rules', async () => {
    const response = await fetch(`${prometheusUrl}/api/v1/rules`);
    const body = (await response.json()) as { data: { groups: { rules: { name: string }[] }[] } };
    const names = body.data.groups.flatMap((group) => group.rules.map((rule) => rule.name));
    expect(names.sort()).toEqual(['HighErrorRate', 'HighMemoryUsage', 'ServiceDown', 'StuckJobs']);
  });
});
