import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './index.css';
import { jobsStore, prepareWorkers, telemetry } from './jobs/app-store';
import { receiveIncomingFiles, registerServiceWorker } from './pwa';
import { App } from './ui/App';
import { ErrorBoundary } from './ui/ErrorBoundary';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary area="the app">
      <App />
    </ErrorBoundary>
  </StrictMode>,
);

// Saved results first, then files the OS or a share handed to the app (src/pwa/README.md).
void jobsStore.getState().hydrate();
registerServiceWorker();
receiveIncomingFiles((files) => jobsStore.getState().addFiles(files));
// While the page is idle, one worker compiles the core ahead of the first image.
if (typeof requestIdleCallback === 'function') requestIdleCallback(prepareWorkers);
else setTimeout(prepareWorkers, 200);
// Queued usage events go out when the page is hidden or left (best effort).
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') telemetry.flush();
});
window.addEventListener('pagehide', () => telemetry.flush());
