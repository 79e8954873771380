import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registerServiceWorker } from './pwa';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <main>Vectorizer</main>
  </StrictMode>,
);

// Offline support and the update prompt state (src/pwa/README.md).
registerServiceWorker();
