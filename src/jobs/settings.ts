/** User settings, kept in localStorage (small, read synchronously at start-up). */
import { defaultConcurrency } from '../worker/pool';
import { DEFAULT_EXPORT_CHOICE, readExportChoice, type ExportChoice } from './export-choice';

export interface Settings {
  /** Jobs converting at once. */
  concurrency: number;
  /** A job with no progress for this long fails with TIMEOUT. */
  watchdogSeconds: number;
  /** Results older than this are deleted. */
  retentionDays: number;
  /** Anonymous usage statistics (opt-in). */
  telemetry: boolean;
  /** The last "Download as" format and size. */
  exportChoice: ExportChoice;
}

const KEY = 'vectorizer.settings';

export function defaultSettings(): Settings {
  return {
    concurrency: defaultConcurrency(),
    watchdogSeconds: 60,
    retentionDays: 7,
    telemetry: false,
    exportChoice: DEFAULT_EXPORT_CHOICE,
  };
}

export function loadSettings(storage: Storage | undefined = globalThis.localStorage): Settings {
  const defaults = defaultSettings();
  try {
    const saved = JSON.parse(storage?.getItem(KEY) ?? '{}') as Partial<Settings>;
    return { ...defaults, ...saved, exportChoice: readExportChoice(saved.exportChoice) };
  } catch {
    return defaults;
  }
}

export function saveSettings(
  settings: Settings,
  storage: Storage | undefined = globalThis.localStorage,
): void {
  storage?.setItem(KEY, JSON.stringify(settings));
}
