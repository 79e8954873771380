/**
 * Load test of the telemetry endpoint: starts server/main.ts in its own process pinned to one core
 * (`taskset -c <cpu>`, when taskset exists), posts batches with autocannon from this process on
 * loopback for a bounded time, then prints events/s, p99 latency and the server's resident memory
 * after the run.
 *
 *   npm run load:telemetry [-- --seconds 10 --connections 20 --batch 20 --port 18090 --cpu 1]
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p99: number; average: number };
  non2xx: number;
  errors: number;
  duration: number;
}
type Autocannon = (options: {
  url: string;
  method: 'POST';
  headers: Record<string, string>;
  body: string;
  connections: number;
  duration: number;
}) => Promise<AutocannonResult>;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '20' },
    batch: { type: 'string', default: '20' },
    port: { type: 'string', default: '18090' },
    cpu: { type: 'string', default: '1' },
  },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const batchSize = Number(values.batch);
const url = `http://127.0.0.1:${values.port}`;

function batchBody(size: number): string {
  const events = Array.from({ length: size }, (_, i) => {
    const jobId = `load-${i}`;
    return i % 10 === 9
      ? { jobId, status: 'failed', durationSeconds: 0.3, errorCode: 'CORRUPT' }
      : {
          jobId,
          status: 'complete',
          durationSeconds: 1.7,
          preset: 'photo',
          mode: 'color',
          megapixels: 2,
          outputBytes: 48_000,
        };
  });
  return JSON.stringify({ events });
}

async function waitUntilListening(): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (
      await fetch(`${url}/health`)
        .then((r) => r.ok)
        .catch(() => false)
    )
      return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`telemetry server did not start on ${url}`);
}

async function residentMemoryMb(): Promise<number> {
  const metrics = await (await fetch(`${url}/metrics`)).text();
  const match = /^process_resident_memory_bytes (\d+)/m.exec(metrics);
  return match ? Number(match[1]) / 1024 / 1024 : Number.NaN;
}

// The server as `npm run start:telemetry` runs it (same node flags), without npm in between.
const startScript = (
  JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }
).scripts['start:telemetry']!;
const serverCommand = [process.execPath, ...startScript.split(' ').slice(1)];
const pinned = existsSync('/usr/bin/taskset');
const [command, ...args] = pinned
  ? ['/usr/bin/taskset', '-c', values.cpu, ...serverCommand]
  : serverCommand;
const server = spawn(command!, args, {
  env: {
    ...process.env,
    PORT: values.port,
    HOST: '127.0.0.1',
    RATE_LIMIT_BURST: '1000000000',
    RATE_LIMIT_PER_SECOND: '1000000000',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
try {
  await waitUntilListening();
  const result = await autocannon({
    url: `${url}/api/telemetry`,
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: batchBody(batchSize),
    connections,
    duration: seconds,
  });
  const rssMb = await residentMemoryMb();
  const eventsPerSecond = (result.requests.total * batchSize) / result.duration;
  const where = pinned ? `server pinned to CPU ${values.cpu}` : 'server not pinned (no taskset)';
  console.log(
    `telemetry load: ${seconds} s, ${connections} connections, ${batchSize} events/request`,
  );
  console.log(where);
  console.log(`requests/s      ${(result.requests.total / result.duration).toFixed(0)}`);
  console.log(`events/s        ${eventsPerSecond.toFixed(0)}`);
  console.log(`latency avg     ${result.latency.average.toFixed(2)} ms`);
  console.log(`latency p99     ${result.latency.p99.toFixed(2)} ms`);
  console.log(`non-2xx/errors  ${result.non2xx}/${result.errors}`);
  console.log(`server RSS      ${rssMb.toFixed(1)} MB after the run`);
  if (result.non2xx > 0 || result.errors > 0) process.exitCode = 1;
} finally {
  server.kill('SIGTERM');
  await once(server, 'exit');
}
