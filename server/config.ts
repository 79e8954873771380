/** Runtime settings of the telemetry endpoint, read from environment variables. */
export interface ServerConfig {
  port: number;
  host: string;
  /** Origins allowed by CORS; empty means no cross-origin access. `*` is refused in production. */
  allowedOrigins: string[];
  /** Token bucket per client: burst size and refill rate (tokens per second). */
  rateLimitBurst: number;
  rateLimitPerSecond: number;
  /** A started job with no end event for this long is no longer counted as active. */
  staleJobSeconds: number;
  /** Largest accepted request body in bytes. */
  bodyLimitBytes: number;
  /** Take the client address from the last X-Forwarded-For entry (set when behind nginx). */
  trustProxy: boolean;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export const defaultConfig: ServerConfig = {
  port: 8000,
  host: '0.0.0.0',
  allowedOrigins: [],
  rateLimitBurst: 60,
  rateLimitPerSecond: 10,
  staleJobSeconds: 3600,
  bodyLimitBytes: 64 * 1024,
  trustProxy: false,
};

function readNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) {
    throw new ConfigError(`${name} must be a non-negative number, got "${raw}"`);
  }
  return value;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const allowedOrigins = (env.ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
  if (env.NODE_ENV === 'production' && allowedOrigins.includes('*')) {
    throw new ConfigError('ALLOWED_ORIGINS must list origins, not "*", when NODE_ENV=production');
  }
  return {
    port: readNumber(env, 'PORT', defaultConfig.port),
    host: env.HOST || defaultConfig.host,
    allowedOrigins,
    rateLimitBurst: readNumber(env, 'RATE_LIMIT_BURST', defaultConfig.rateLimitBurst),
    rateLimitPerSecond: readNumber(env, 'RATE_LIMIT_PER_SECOND', defaultConfig.rateLimitPerSecond),
    staleJobSeconds: readNumber(env, 'STALE_JOB_SECONDS', defaultConfig.staleJobSeconds),
    bodyLimitBytes: readNumber(env, 'BODY_LIMIT_BYTES', defaultConfig.bodyLimitBytes),
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
  };
}
