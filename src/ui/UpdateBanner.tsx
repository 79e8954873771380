import { useSyncExternalStore } from 'react';
import { applyUpdate, dismissUpdate, getUpdateStatus, subscribeUpdateStatus } from '../pwa';

/** The service worker's news: a new version is waiting, or the app now works offline. */
export function UpdateBanner() {
  const status = useSyncExternalStore(subscribeUpdateStatus, getUpdateStatus);
  if (status === 'idle') return null;
  return (
    <div
      role="status"
      className="flex items-center gap-3 rounded-lg bg-sky-100 p-2 text-sm dark:bg-sky-900"
    >
      {status === 'update-available' ? (
        <>
          <span>A new version is ready.</span>
          <button type="button" className="btn btn-primary" onClick={applyUpdate}>
            Reload
          </button>
          <button type="button" className="btn" onClick={dismissUpdate}>
            Later
          </button>
        </>
      ) : (
        <>
          <span>Ready to work offline.</span>
          <button type="button" className="btn" onClick={dismissUpdate}>
            OK
          </button>
        </>
      )}
    </div>
  );
}
