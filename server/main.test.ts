import { spawn } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import { describe, expect, it } from 'vitest';

describe('server/main.ts process', () => {
  it('logs in the manual format and exits 0 on SIGTERM after finishing in-flight work', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, PORT: '18020', HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await new Promise<void>((resolve) => {
      child.stdout.on('data', () => output.includes('listening') && resolve());
    });
    // A request whose body is still arriving when SIGTERM comes must still be answered.
    const body = JSON.stringify({
      events: [{ jobId: 'abc-123', status: 'complete', durationSeconds: 5.23 }],
    });
    const request = http.request('http://127.0.0.1:18020/api/telemetry', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': String(body.length) },
    });
    const answered = once(request, 'response') as Promise<[http.IncomingMessage]>;
    request.write(body.slice(0, 10));
    await once(request, 'socket');
    await new Promise((done) => setTimeout(done, 200));
    child.kill('SIGTERM');
    await new Promise<void>((resolve) => {
      const check = (): void => void (output.includes('SIGTERM received') && resolve());
      check();
      child.stdout.on('data', check);
    });
    request.end(body.slice(10));
    const [response] = await answered;
    response.resume();
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(response.statusCode).toBe(202);
    expect(code).toBe(0);
    expect(output).toMatch(
      /^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\] INFO - \[JOB abc-123\] Complete! Time: 5\.23s$/m,
    );
    expect(output).toMatch(/INFO - SIGTERM received/);
    expect(output).toMatch(/INFO - Shutdown complete/);
  });

  it('refuses to start with "*" origins in production, logging CRITICAL', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: {
        ...process.env,
        PORT: '18021',
        HOST: '127.0.0.1',
        NODE_ENV: 'production',
        ALLOWED_ORIGINS: '*',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(1);
    expect(output).toMatch(/CRITICAL - Telemetry endpoint failed to start: ALLOWED_ORIGINS/);
  });
});
