/** The page side of the PWA: service worker and updates, OS file launches, shares. */
export { applyUpdate, dismissUpdate, registerServiceWorker } from './register-service-worker';
export type { ServiceWorkerCallbacks } from './register-service-worker';
export { getUpdateStatus, subscribeUpdateStatus } from './update-status';
export type { UpdateStatus } from './update-status';
export { onLaunchFiles } from './launch-files';
export { consumeSharedFiles } from './shared-files';
export { receiveIncomingFiles } from './incoming-files';
