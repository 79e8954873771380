import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.js';

describe('readConfig', () => {
  it('uses port 8000 and no origins by default', () => {
    const config = readConfig({});
    expect(config.port).toBe(8000);
    expect(config.allowedOrigins).toEqual([]);
  });

  it('reads the documented variables', () => {
    const config = readConfig({
      PORT: '9000',
      HOST: '127.0.0.1',
      ALLOWED_ORIGINS: 'https://a.example, https://b.example',
      RATE_LIMIT_BURST: '5',
      RATE_LIMIT_PER_SECOND: '2',
      STALE_JOB_SECONDS: '120',
      TRUST_PROXY: '1',
    });
    expect(config).toMatchObject({
      port: 9000,
      host: '127.0.0.1',
      allowedOrigins: ['https://a.example', 'https://b.example'],
      rateLimitBurst: 5,
      rateLimitPerSecond: 2,
      staleJobSeconds: 120,
      trustProxy: true,
    });
  });

  it('refuses "*" in production and bad numbers', () => {
    expect(() => readConfig({ NODE_ENV: 'production', ALLOWED_ORIGINS: '*' })).toThrow(ConfigError);
    expect(() => readConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });
});
