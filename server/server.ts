import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from './app.js';
import type { ServerConfig } from './config.js';
import { JobMetrics } from './job-metrics.js';
import { createLogger, type Logger } from './log.js';
import { TokenBucketLimiter } from './rate-limit.js';

export interface TelemetryServer {
  /** The bound port (useful with port 0). */
  port: number;
  metrics: JobMetrics;
  /** Stops accepting connections, lets in-flight requests finish, then resolves. */
  close(): Promise<void>;
}

/** Starts the telemetry endpoint and resolves once it listens. */
export function createServer(
  config: ServerConfig,
  logger: Logger = createLogger(),
): Promise<TelemetryServer> {
  const metrics = new JobMetrics(config.staleJobSeconds);
  const limiter = new TokenBucketLimiter(config.rateLimitBurst, config.rateLimitPerSecond);
  const app = createApp({ config, metrics, limiter, logger });
  const sweeper = setInterval(() => limiter.sweep(), 60_000);
  sweeper.unref();

  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => {
      clearInterval(sweeper);
      reject(error);
    };
    const server: ServerType = serve(
      { fetch: app.fetch, port: config.port, hostname: config.host },
      (info: AddressInfo) => {
        server.off('error', onError);
        resolve({
          port: info.port,
          metrics,
          close: () =>
            new Promise<void>((done, fail) => {
              clearInterval(sweeper);
              // Keep-alive connections whose request finishes after this point become idle
              // later: close them as they do instead of waiting for the keep-alive timeout.
              const closeIdle = (): void => {
                if ('closeIdleConnections' in server) server.closeIdleConnections();
              };
              const idleCloser = setInterval(closeIdle, 50);
              server.close((error) => {
                clearInterval(idleCloser);
                if (error) fail(error);
                else done();
              });
              closeIdle();
            }),
        });
      },
    );
    server.once('error', onError);
  });
}
