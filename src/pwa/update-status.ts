/**
 * What the service worker has to tell the user, as a tiny external store (no React): the UI
 * reads it with `useSyncExternalStore(subscribeUpdateStatus, getUpdateStatus)`.
 *
 * - `idle`: nothing to say.
 * - `offline-ready`: the app is cached and will start without a network.
 * - `update-available`: a new version is installed and waiting; `applyUpdate()` switches to it.
 */
export type UpdateStatus = 'idle' | 'offline-ready' | 'update-available';

type Listener = () => void;

let status: UpdateStatus = 'idle';
const listeners = new Set<Listener>();

export function getUpdateStatus(): UpdateStatus {
  return status;
}

export function subscribeUpdateStatus(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function setUpdateStatus(next: UpdateStatus): void {
  if (next === status) return;
  status = next;
  for (const listener of listeners) listener();
}
