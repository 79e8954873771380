import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect } from 'react';
import { telemetry } from '../jobs/app-store';
import { useTelemetryHealth } from '../telemetry';

const queryClient = new QueryClient();

/** Whether this site has a statistics endpoint, checked with its health route. */
function EndpointStatus() {
  const health = useTelemetryHealth();
  const present = health.isSuccess ? health.data !== null : undefined;
  useEffect(() => {
    if (present !== undefined) telemetry.setEndpointPresent(present);
  }, [present]);
  let text = 'Checking whether this site collects statistics…';
  if (health.isError) text = 'The statistics endpoint cannot be reached right now.';
  else if (health.data === null) text = 'This site has no statistics endpoint: nothing is sent.';
  else if (health.data) text = `Statistics endpoint: ${health.data.status}.`;
  return (
    <p className="text-xs opacity-70" data-testid="telemetry-endpoint">
      {text}
    </p>
  );
}

/** The endpoint status with its own query client (this module is loaded lazily). */
export default function TelemetryEndpointStatus() {
  return (
    <QueryClientProvider client={queryClient}>
      <EndpointStatus />
    </QueryClientProvider>
  );
}
