/// <reference types="vite-plugin-pwa/vanillajs" />
/**
 * Registers the service worker (from a bundled module, so no inline script) and reports what
 * it has to say through callbacks and the update-status store. A new version never takes over
 * on its own: it waits until `applyUpdate()`, which activates it and reloads the page, so the
 * page never runs half old and half new (the switch itself: version-takeover.ts).
 */
import { registerSW } from 'virtual:pwa-register';
import { setUpdateStatus } from './update-status';
import { activateWaitingVersion, reloadWhenReplaced } from './version-takeover';

export interface ServiceWorkerCallbacks {
  /** A new version is installed and waiting for `applyUpdate()`. */
  onNeedRefresh?: () => void;
  /** The app is cached: it now starts and converts without a network. */
  onOfflineReady?: () => void;
  onRegisterError?: (error: unknown) => void;
}

let registered = false;

/** Registers the worker once; returns false when the browser has no service workers. */
export function registerServiceWorker(callbacks: ServiceWorkerCallbacks = {}): boolean {
  if (!('serviceWorker' in navigator)) return false;
  if (registered) return true;
  registered = true;
  reloadWhenReplaced(navigator.serviceWorker);
  registerSW({
    immediate: true,
    // The reload after a takeover is reloadWhenReplaced's, in every tab, not the library's.
    onNeedReload() {},
    onNeedRefresh() {
      setUpdateStatus('update-available');
      callbacks.onNeedRefresh?.();
    },
    onOfflineReady() {
      setUpdateStatus('offline-ready');
      callbacks.onOfflineReady?.();
    },
    onRegisterError: callbacks.onRegisterError,
  });
  return true;
}

/** Switches to the waiting version: it takes control and the page reloads once. */
export async function applyUpdate(): Promise<void> {
  if ('serviceWorker' in navigator) await activateWaitingVersion(navigator.serviceWorker);
}

/** Hides the prompt; the new version starts the next time every tab of the app is closed. */
export function dismissUpdate(): void {
  setUpdateStatus('idle');
}
