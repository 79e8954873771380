import { useQuery } from '@tanstack/react-query';

/** What `GET /api/health` answers. */
export interface TelemetryHealth {
  status: string;
  timestamp: string;
  active_jobs: number;
}

/** Fetches the endpoint's health; `null` when there is no endpoint (static hosting). */
export async function fetchTelemetryHealth(url: string): Promise<TelemetryHealth | null> {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok || !response.headers.get('content-type')?.includes('application/json'))
    return null;
  return (await response.json()) as TelemetryHealth;
}

/** The telemetry endpoint's health, refreshed every 30 s; `data` is `null` when none exists. */
export function useTelemetryHealth(url = '/api/health') {
  return useQuery({
    queryKey: ['telemetry-health', url],
    queryFn: () => fetchTelemetryHealth(url),
    refetchInterval: 30_000,
    retry: false,
  });
}
