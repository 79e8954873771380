import {
  IMAGE_KINDS,
  KIND_LABELS,
  KIND_SETTINGS,
  type AutoChoice,
  type ImageKind,
  type VectorizeOptionsInput,
} from '../engine';
import { autoSettingsText } from './auto-settings';

interface Props {
  name: string;
  /** The job's options: the settings among them left to auto are the ones it chose. */
  options: VectorizeOptionsInput;
  choice: AutoChoice;
  /** False while the job runs: an override waits for the current run. */
  enabled: boolean;
  onOverride(kind: ImageKind): void;
}

/**
 * "Auto — detected: pixel art" under a job that auto converted, with a small menu of the other
 * kinds; choosing one re-runs the job with that kind's mode and preset.
 */
export function AutoChoiceNote({ name, options, choice, enabled, onOverride }: Props) {
  const settings = autoSettingsText(options, choice);
  return (
    <div
      className="flex basis-full flex-wrap items-center gap-x-2 text-xs"
      data-testid="auto-choice"
    >
      <span>Auto — detected: {KIND_LABELS[choice.kind]}</span>
      {settings && <span className="opacity-80">→ {settings}</span>}
      <details>
        <summary className="cursor-pointer rounded underline">Convert as…</summary>
        <div role="group" aria-label={`Convert ${name} as`} className="mt-1 flex flex-wrap gap-1">
          {IMAGE_KINDS.filter((kind) => kind !== choice.kind).map((kind) => (
            <button
              key={kind}
              type="button"
              className="chip"
              disabled={!enabled}
              onClick={() => onOverride(kind)}
            >
              {KIND_LABELS[kind]} ({KIND_SETTINGS[kind].mode})
            </button>
          ))}
        </div>
      </details>
    </div>
  );
}
