import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { z } from 'zod';
import {
  telemetryBatchSchema,
  type TelemetryJobEvent as JobEvent,
} from '../src/telemetry/job-event.js';
import type { JobMetrics } from './job-metrics.js';
import type { Logger } from './log.js';
import type { TokenBucketLimiter } from './rate-limit.js';
import type { ServerConfig } from './config.js';

export interface AppParts {
  config: ServerConfig;
  metrics: JobMetrics;
  limiter: TokenBucketLimiter;
  logger: Logger;
}

function describeEvent(event: JobEvent): string {
  const prefix = `[JOB ${event.jobId}]`;
  const time =
    event.durationSeconds === undefined ? '' : ` Time: ${event.durationSeconds.toFixed(2)}s`;
  switch (event.status) {
    case 'started':
      return `${prefix} Started${event.preset ? ` (preset ${event.preset})` : ''}`;
    case 'complete':
      return `${prefix} Complete!${time}`;
    case 'failed':
      return `${prefix} Failed: ${event.errorCode ?? 'unknown'}${time}`;
    case 'cancelled':
      return `${prefix} Cancelled${time}`;
  }
}

/** A one-line reason for a rejected batch, naming the first offending path. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`)
    .join('; ');
}

/**
 * Browsers send `Origin` with every POST, the app's own included: an origin naming the host the
 * request was addressed to (nginx and the preview proxy pass the client's `Host` on) is the app.
 */
function isSameOrigin(origin: string, host: string | undefined): boolean {
  if (host === undefined) return false;
  try {
    return new URL(origin).host === host.toLowerCase();
  } catch {
    return false;
  }
}

/** The HTTP routes: telemetry intake, Prometheus metrics and health. */
export function createApp({ config, metrics, limiter, logger }: AppParts): Hono {
  const app = new Hono();
  const allowed = new Set(config.allowedOrigins);

  app.use(
    '/api/*',
    cors({
      origin: (origin) => (allowed.has('*') || allowed.has(origin) ? origin : null),
      allowMethods: ['GET', 'POST', 'OPTIONS'],
      allowHeaders: ['Content-Type'],
      maxAge: 600,
    }),
  );

  const health = (): Response =>
    Response.json({
      status: 'healthy',
      timestamp: new Date().toISOString(),
      active_jobs: metrics.activeJobs(),
    });
  app.get('/health', health);
  app.get('/api/health', health);

  app.get('/metrics', async (c) => {
    const body = await metrics.registry.metrics();
    return c.body(body, 200, { 'Content-Type': metrics.registry.contentType });
  });

  app.post(
    '/api/telemetry',
    async (c, next) => {
      const origin = c.req.header('Origin');
      const host = c.req.header('Host');
      if (
        origin !== undefined &&
        !allowed.has('*') &&
        !allowed.has(origin) &&
        !isSameOrigin(origin, host)
      ) {
        logger.log('WARNING', `Telemetry refused from origin ${origin}`);
        return c.json({ error: 'origin not allowed' }, 403);
      }
      // Behind nginx the last X-Forwarded-For entry is the address nginx saw; earlier ones are
      // whatever the client claimed.
      const forwarded = config.trustProxy ? c.req.header('X-Forwarded-For') : undefined;
      const client = forwarded?.split(',').at(-1)?.trim() || getConnInfo(c).remote.address || '?';
      const retryAfter = limiter.take(client);
      if (retryAfter > 0) {
        c.header('Retry-After', String(retryAfter));
        return c.json({ error: 'rate limit exceeded' }, 429);
      }
      await next();
    },
    bodyLimit({
      maxSize: config.bodyLimitBytes,
      onError: (c) => c.json({ error: `body larger than ${config.bodyLimitBytes} bytes` }, 413),
    }),
    async (c) => {
      let body: unknown;
      try {
        body = JSON.parse(await c.req.text());
      } catch {
        return c.json({ error: 'body is not valid JSON' }, 400);
      }
      const parsed = telemetryBatchSchema.safeParse(body);
      if (!parsed.success) {
        return c.json({ error: describeIssues(parsed.error) }, 400);
      }
      for (const event of parsed.data.events) {
        metrics.record(event);
        logger.log(event.status === 'failed' ? 'ERROR' : 'INFO', describeEvent(event));
      }
      return c.json({ accepted: parsed.data.events.length }, 202);
    },
  );

  return app;
}
