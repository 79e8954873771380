import type { TelemetryJobEvent } from './job-event.js';
import { privacySignalSet, type PrivacySignalSource } from './privacy-signal.js';

export interface TelemetryClientOptions {
  /** Where batches go; default the same origin's `/api/telemetry`. */
  endpoint?: string;
  /** Opt-in state at start; telemetry is off unless the user turned it on. */
  enabled?: boolean;
  /** Send when this many events are queued (at most 100, the endpoint's batch limit). */
  maxBatch?: number;
  /** Send queued events after this delay. */
  flushDelayMs?: number;
  /** The browser's navigator (beacon + privacy signals); defaults to the global one. */
  navigator?: Navigator & PrivacySignalSource;
}

const MAX_BATCH = 100;

/**
 * Batches anonymous job events and sends them with `sendBeacon`, falling back to `fetch` with
 * `keepalive`. Sends nothing unless enabled, nothing while Do-Not-Track or Global Privacy Control is
 * set, and stops quietly for the session when the endpoint does not exist (static hosting).
 */
export class TelemetryClient {
  private readonly endpoint: string;
  private readonly maxBatch: number;
  private readonly flushDelayMs: number;
  private readonly nav: (Navigator & PrivacySignalSource) | undefined;
  private queue: TelemetryJobEvent[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private enabled: boolean;
  private endpointMissing = false;

  constructor(options: TelemetryClientOptions = {}) {
    this.endpoint = options.endpoint ?? '/api/telemetry';
    this.maxBatch = Math.min(options.maxBatch ?? 20, MAX_BATCH);
    this.flushDelayMs = options.flushDelayMs ?? 10_000;
    this.nav = options.navigator ?? (typeof navigator === 'undefined' ? undefined : navigator);
    this.enabled = options.enabled ?? false;
  }

  /** Whether events are collected and sent now (opted in, no privacy signal, endpoint present). */
  get active(): boolean {
    return this.enabled && !this.blockedByPrivacySignal && !this.endpointMissing;
  }

  /** True when the browser's Do-Not-Track or Global Privacy Control forbids sending. */
  get blockedByPrivacySignal(): boolean {
    return privacySignalSet(this.nav);
  }

  /** The user's opt-in. Turning it off drops anything queued. */
  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
    if (!enabled) this.clear();
  }

  /** What the endpoint's health check found: with no endpoint, nothing is collected or sent. */
  setEndpointPresent(present: boolean): void {
    this.endpointMissing = !present;
    if (!present) this.clear();
  }

  /** Queues one job transition; a no-op unless `active`. */
  record(event: TelemetryJobEvent): void {
    if (!this.active) return;
    this.queue.push(event);
    if (this.queue.length >= this.maxBatch) {
      this.flush();
    } else if (this.timer === undefined) {
      this.timer = setTimeout(() => this.flush(), this.flushDelayMs);
    }
  }

  /** Sends what is queued now (call on `pagehide`). */
  flush(): void {
    const events = this.queue;
    this.clear();
    if (events.length === 0 || !this.active) return;
    const body = JSON.stringify({ events });
    // text/plain keeps the beacon a simple request; the endpoint parses the JSON body itself.
    const blob = new Blob([body], { type: 'text/plain;charset=UTF-8' });
    if (this.nav?.sendBeacon?.(this.endpoint, blob)) return;
    void this.sendWithFetch(body);
  }

  private async sendWithFetch(body: string): Promise<void> {
    try {
      const response = await fetch(this.endpoint, {
        method: 'POST',
        body,
        keepalive: true,
        headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
      });
      if (response.status === 404 || response.status === 405) this.endpointMissing = true;
    } catch {
      // Offline or no server: telemetry is best-effort and never disturbs the app.
    }
  }

  private clear(): void {
    this.queue = [];
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
