/**
 * IndexedDB persistence of finished jobs (input file, options, SVG, stats, thumbnail), so a
 * reload loses nothing. Storage errors are typed: a full quota becomes STORAGE_FULL.
 */
import { openDB, type IDBPDatabase } from 'idb';
import { VectorizeError, toVectorizeError, type ErrorInfo } from '../engine';
import type { Job } from './job';

const DB_NAME = 'vectorizer';
const STORE = 'jobs';
const VERSION = 1;

export type StoredJob = Omit<Job, 'progress' | 'stage' | 'storageError' | 'exportError' | 'saved'>;

export interface JobPersistence {
  loadAll(): Promise<StoredJob[]>;
  save(job: Job): Promise<void>;
  remove(id: string): Promise<void>;
  clear(): Promise<void>;
  /** Deletes jobs created before `cutoff` (ms since epoch); returns their ids. */
  removeOlderThan(cutoff: number): Promise<string[]>;
}

function storageFailure(error: unknown): VectorizeError {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'QuotaExceededError')
    return new VectorizeError(
      'STORAGE_FULL',
      'Browser storage is full: this result is kept until you close the page. Download it, or clear old results.',
    );
  const detail = error instanceof Error ? error.message : String(error);
  return new VectorizeError('STORAGE_FULL', `The result could not be saved (${detail}).`);
}

/** Codes saved by earlier versions of the app, in today's vocabulary. */
const EARLIER_CODES: Record<string, ErrorInfo['code']> = {
  EMPTY_FILE: 'EMPTY',
  DECODE_FAILED: 'CORRUPT',
};

/** A saved job's error in today's vocabulary (an unknown code reads as INTERNAL). */
export function storedError(error: unknown): ErrorInfo | undefined {
  if (error === undefined || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  const earlier = typeof code === 'string' ? EARLIER_CODES[code] : undefined;
  return toVectorizeError(earlier ? { ...(error as object), code: earlier } : error).toInfo();
}

export function toStoredJob(job: Job): StoredJob {
  const stored: Partial<Job> = { ...job };
  delete stored.progress;
  delete stored.stage;
  delete stored.storageError;
  delete stored.exportError;
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
      const jobs = (await (await open()).getAllFromIndex(STORE, 'createdAt')) as StoredJob[];
      return jobs.map((job) => ({ ...job, error: storedError(job.error) }));
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
