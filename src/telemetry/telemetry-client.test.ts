import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TelemetryClient } from './telemetry-client.js';
import { startLoopbackEndpoint, type LoopbackEndpoint } from './loopback-endpoint.test-support.js';
import type { PrivacySignalSource } from './privacy-signal.js';

/** The one stub: the browser's beacon API, recording what it was asked to send. */
function beaconNavigator(signals: PrivacySignalSource = {}, accept = true) {
  const sent: { url: string; body: Blob }[] = [];
  const nav = {
    ...signals,
    sendBeacon: (url: string, body: Blob) => {
      sent.push({ url, body });
      return accept;
    },
  } as unknown as Navigator & PrivacySignalSource;
  return { nav, sent };
}

const started = { jobId: 'job-1', status: 'started' } as const;
const complete = {
  jobId: 'job-1',
  status: 'complete',
  durationSeconds: 1.2,
  preset: 'photo',
} as const;

describe('TelemetryClient', () => {
  it('is off by default and sends nothing', () => {
    const { nav, sent } = beaconNavigator();
    const client = new TelemetryClient({ navigator: nav });
    client.record(started);
    client.flush();
    expect(client.active).toBe(false);
    expect(sent).toHaveLength(0);
  });

  it('batches events and sends them with one beacon to /api/telemetry', async () => {
    const { nav, sent } = beaconNavigator();
    const client = new TelemetryClient({ navigator: nav, enabled: true });
    client.record(started);
    client.record(complete);
    expect(sent).toHaveLength(0);
    client.flush();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.url).toBe('/api/telemetry');
    expect(JSON.parse(await sent[0]!.body.text())).toEqual({ events: [started, complete] });
  });

  it('sends when the batch is full', () => {
    const { nav, sent } = beaconNavigator();
    const client = new TelemetryClient({ navigator: nav, enabled: true, maxBatch: 2 });
    client.record(started);
    client.record(complete);
    expect(sent).toHaveLength(1);
  });

  it.each([
    ['Do-Not-Track', { doNotTrack: '1' }],
    ['Global Privacy Control', { globalPrivacyControl: true }],
  ])('never sends while %s is set, even when opted in', (_name, signals) => {
    const { nav, sent } = beaconNavigator(signals);
    const client = new TelemetryClient({ navigator: nav, enabled: true });
    client.record(started);
    client.flush();
    expect(client.blockedByPrivacySignal).toBe(true);
    expect(sent).toHaveLength(0);
  });

  it('collects nothing where the health check found no endpoint, and resumes when one appears', () => {
    const { nav, sent } = beaconNavigator();
    const client = new TelemetryClient({ navigator: nav, enabled: true });
    client.record(started);
    client.setEndpointPresent(false);
    client.record(complete);
    client.flush();
    expect(client.active).toBe(false);
    expect(sent).toHaveLength(0);
    client.setEndpointPresent(true);
    client.record(complete);
    client.flush();
    expect(sent).toHaveLength(1);
  });

  it('drops the queue when the user opts out', () => {
    const { nav, sent } = beaconNavigator();
    const client = new TelemetryClient({ navigator: nav, enabled: true });
    client.record(started);
    client.setEnabled(false);
    client.flush();
    expect(sent).toHaveLength(0);
  });
});

describe('TelemetryClient fetch fallback against a real endpoint', () => {
  let endpoint: LoopbackEndpoint;

  beforeAll(async () => {
    endpoint = await startLoopbackEndpoint(18040, {
      '/api/telemetry': { status: 202, json: { accepted: 1 } },
    });
  });
  afterAll(() => endpoint.close());

  async function settle(): Promise<void> {
    for (let i = 0; i < 50 && endpoint.bodies.length === 0; i++) {
      await new Promise((done) => setTimeout(done, 20));
    }
  }

  it('posts the batch with fetch when the beacon is refused', async () => {
    const { nav } = beaconNavigator({}, false);
    const client = new TelemetryClient({
      navigator: nav,
      enabled: true,
      endpoint: `${endpoint.url}/api/telemetry`,
    });
    client.record(complete);
    client.flush();
    await settle();
    expect(endpoint.bodies.map((body) => JSON.parse(body) as unknown)).toEqual([
      { events: [complete] },
    ]);
  });

  it('stops quietly for the session when the endpoint does not exist', async () => {
    const { nav } = beaconNavigator({}, false);
    const client = new TelemetryClient({
      navigator: nav,
      enabled: true,
      endpoint: `${endpoint.url}/missing`,
    });
    client.record(started);
    client.flush();
    for (let i = 0; i < 50 && client.active; i++) await new Promise((done) => setTimeout(done, 20));
    expect(client.active).toBe(false);
  });
});
