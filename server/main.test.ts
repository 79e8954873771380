import { spawn } from 'node:child_process';
import { once } from 'node:events';
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
    const inFlight = fetch('http://127.0.0.1:18020/api/telemetry', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        events: [{ jobId: 'abc-123', status: 'complete', durationSeconds: 5.23 }],
      }),
    });
    const response = await inFlight;
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(response.status).toBe(202);
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
