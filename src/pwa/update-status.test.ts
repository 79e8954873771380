import { describe, expect, it } from 'vitest';
import { getUpdateStatus, setUpdateStatus, subscribeUpdateStatus } from './update-status';

describe('update status store', () => {
  it('notifies subscribers of each change, once, until they unsubscribe', () => {
    const seen: string[] = [];
    const unsubscribe = subscribeUpdateStatus(() => seen.push(getUpdateStatus()));
    setUpdateStatus('offline-ready');
    setUpdateStatus('offline-ready');
    setUpdateStatus('update-available');
    unsubscribe();
    setUpdateStatus('idle');
    expect(seen).toEqual(['offline-ready', 'update-available']);
    expect(getUpdateStatus()).toBe('idle');
  });
});
