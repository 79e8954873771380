/** Messages the page posts to the service worker (one definition for both sides). */

/** Asks a waiting worker to activate now (the update prompt's "Reload"). */
export const SKIP_WAITING_MESSAGE = { type: 'SKIP_WAITING' } as const;
