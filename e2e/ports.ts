/**
 * The loopback ports the browser suites listen on. `E2E_PORT_OFFSET` (a whole number, default 0)
 * shifts all of them, so two checkouts on one machine can run their suites at the same time.
 */
function portOffset(): number {
  const raw = process.env.E2E_PORT_OFFSET ?? '0';
  const offset = Number(raw);
  if (!Number.isInteger(offset) || offset < 0 || offset > 50_000)
    throw new Error(`E2E_PORT_OFFSET must be a whole number from 0 to 50000, not '${raw}'`);
  return offset;
}

const offset = portOffset();

export const E2E_PORTS = {
  /** vite preview of the production build */
  preview: 4173 + offset,
  /** the telemetry endpoint (server/main.ts) */
  telemetry: 8089 + offset,
  /** nginx with the repository's nginx.conf (the nginx suite) */
  nginx: 8088 + offset,
  /** the update spec's own nginx on a copy of the build */
  update: 4185 + offset,
} as const;
