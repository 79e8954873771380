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
 * The request is sent again at this interval until the worker leaves the waiting state: a
 * message to a waiting worker that is stopped first has to start it, and is lost if that start
 * fails, which the page cannot otherwise see. Asking twice is harmless.
 */
const RESEND_MS = 3_000;

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
  const ask = () => waiting.postMessage(SKIP_WAITING_MESSAGE);
  const resend = setInterval(ask, RESEND_MS);
  waiting.addEventListener('statechange', () => {
    clearInterval(resend);
    // A page no worker controlled (loaded past the cache) already runs the newest files: the new
    // worker claims it without a reload, and there is nothing left to offer.
    if (!reloading) setUpdateStatus('idle');
  });
  ask();
}
