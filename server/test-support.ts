import { defaultConfig, type ServerConfig } from './config.js';
import type { LogLevel, Logger } from './log.js';
import { createServer, type TelemetryServer } from './server.js';

/** A real server on a loopback port in 18000–18099, with its log lines collected. */
export async function startTestServer(
  port: number,
  overrides: Partial<ServerConfig> = {},
): Promise<{ server: TelemetryServer; url: string; lines: string[] }> {
  const lines: string[] = [];
  const logger: Logger = {
    log: (level: LogLevel, message: string) => lines.push(`${level} - ${message}`),
  };
  const server = await createServer(
    { ...defaultConfig, host: '127.0.0.1', port, ...overrides },
    logger,
  );
  return { server, url: `http://127.0.0.1:${server.port}`, lines };
}

export function postEvents(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${url}/api/telemetry`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
