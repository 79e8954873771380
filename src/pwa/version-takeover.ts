/**
 * The switch from a running version to a waiting one, done by the page itself:
 *
 * - `activateWaitingVersion()` asks the registration's waiting worker (looked up when the user
 *   clicks, not remembered from start-up) to take over. With nothing waiting any more (another
 *   tab already switched), the page just reloads onto what is active.
 * - `reloadWhenReplaced()` reloads a page once when the worker controlling it is replaced by
 *   another — in every tab of the app, so none keeps running old code under the new worker. The
 *   first claim of a page that no worker controlled is no replacement and does not reload.
 */
import { SKIP_WAITING_MESSAGE } from './sw-messages';
import { setUpdateStatus } from './update-status';

/**
 * How long the page waits for the waiting worker to start activating before it reloads anyway:
 * the worker may have activated between the look-up and the listener (another tab accepted the
 * update), or Chromium's activation may be held up because requests still reach the old worker
 * while it is being stopped (the app loading its worker and wasm, a telemetry post). The reload's
 * navigation is answered once the new worker is active, and the page reloads at most once.
 * Asking the waiting worker again would not help: it already has a pending skipWaiting().
 */
const TAKEOVER_GRACE_MS = 3_000;

let reloading = false;

function reloadOnce(): void {
  if (reloading) return;
  reloading = true;
  window.location.reload();
}

export function reloadWhenReplaced(container: ServiceWorkerContainer): void {
  let controller = container.controller;
  container.addEventListener('controllerchange', () => {
    const replaced = controller !== null;
    controller = container.controller;
    if (replaced) reloadOnce();
  });
}

export async function activateWaitingVersion(container: ServiceWorkerContainer): Promise<void> {
  const waiting = (await container.getRegistration())?.waiting;
  if (!waiting) {
    reloadOnce();
    return;
  }
  const fallback = setTimeout(reloadOnce, TAKEOVER_GRACE_MS);
  waiting.addEventListener('statechange', () => {
    clearTimeout(fallback);
    // A page no worker controlled (loaded past the cache) already runs the newest files: the new
    // worker claims it without a reload, and there is nothing left to offer.
    if (!reloading) setUpdateStatus('idle');
  });
  waiting.postMessage(SKIP_WAITING_MESSAGE);
}
