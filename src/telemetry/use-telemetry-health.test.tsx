// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackEndpoint, type LoopbackEndpoint } from './loopback-endpoint.test-support.js';
import { useTelemetryHealth } from './use-telemetry-health.js';

function wrapper({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={new QueryClient()}>{children}</QueryClientProvider>;
}

describe('useTelemetryHealth', () => {
  let endpoint: LoopbackEndpoint;
  const health = { status: 'healthy', timestamp: '2026-11-28T00:15:49.000Z', active_jobs: 2 };

  beforeAll(async () => {
    endpoint = await startLoopbackEndpoint(18041, { '/api/health': { status: 200, json: health } });
  });
  afterAll(() => endpoint.close());

  it('returns the endpoint health', async () => {
    const { result } = renderHook(() => useTelemetryHealth(`${endpoint.url}/api/health`), {
      wrapper,
    });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toEqual(health);
  });

  it('returns null when there is no endpoint', async () => {
    const { result } = renderHook(() => useTelemetryHealth(`${endpoint.url}/nothing-here`), {
      wrapper,
    });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toBeNull();
  });
});
