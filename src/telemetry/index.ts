export type { TelemetryBatch, TelemetryJobEvent } from './job-event.js';
export { privacySignalSet } from './privacy-signal.js';
export { TelemetryClient, type TelemetryClientOptions } from './telemetry-client.js';
export {
  fetchTelemetryHealth,
  useTelemetryHealth,
  type TelemetryHealth,
} from './use-telemetry-health.js';
