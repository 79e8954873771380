/**
 * IndexedDB persistence of finished jobs (input file, options, SVG, stats, thumbnail), so a
 * reload loses nothing. Storage errors are typed: a full quota becomes STORAGE_FULL.
 */
import { openDB, type IDBPDatabase } from 'idb';
import { JobFailure } from '../worker/job-error';
import type { Job } from './job';

const DB_NAME = 'vectorizer';
const STORE = 'jobs';
const VERSION = 1;

export type StoredJob = Omit<Job, 'progress' | 'stage' | 'storageError' | 'saved'>;

export interface JobPersistence {
  loadAll(): Promise<StoredJob[]>;
  save(job: Job): Promise<void>;
  remove(id: string): Promise<void>;
  clear(): Promise<void>;
  /** Deletes jobs created before `cutoff` (ms since epoch); returns their ids. */
  removeOlderThan(cutoff: number): Promise<string[]>;
}

function storageFailure(error: unknown): JobFailure {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'QuotaExceededError')
    return new JobFailure(
      'STORAGE_FULL',
      'Browser storage is full: this result is kept until you close the page. Download it, or clear old results.',
    );
  const detail = error instanceof Error ? error.message : String(error);
  return new JobFailure('STORAGE_FULL', `The result could not be saved (${detail}).`);
}

export function toStoredJob(job: Job): StoredJob {
  const stored: Partial<Job> = { ...job };
  delete stored.progress;
  delete stored.stage;
  delete stored.storageError;
  delete stored.saved;
  return stored as StoredJob;
}

export function createIndexedDbPersistence(dbName = DB_NAME): JobPersistence {
  let db: Promise<IDBPDatabase> | undefined;
  const open = () => {
    db ??= openDB(dbName, VERSION, {
      upgrade(database) {
        database.createObjectStore(STORE, { keyPath: 'id' }).createIndex('createdAt', 'createdAt');
      },
    });
    return db;
  };
  return {
    async loadAll() {
      return (await (await open()).getAllFromIndex(STORE, 'createdAt')) as StoredJob[];
    },
    async save(job) {
      try {
        await (await open()).put(STORE, toStoredJob(job));
      } catch (error) {
        throw storageFailure(error);
      }
    },
    async remove(id) {
      await (await open()).delete(STORE, id);
    },
    async clear() {
      await (await open()).clear(STORE);
    },
    async removeOlderThan(cutoff) {
      const database = await open();
      const keys = await database.getAllKeysFromIndex(
        STORE,
        'createdAt',
        IDBKeyRange.upperBound(cutoff, true),
      );
      const transaction = database.transaction(STORE, 'readwrite');
      await Promise.all([...keys.map((key) => transaction.store.delete(key)), transaction.done]);
      return keys.map(String);
    },
  };
}
