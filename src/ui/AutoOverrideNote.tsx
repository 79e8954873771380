import { KIND_LABELS, KIND_SETTINGS } from '../engine';
import type { AutoOverride } from '../jobs/auto-override';

interface Props {
  name: string;
  override: AutoOverride;
  onBackToAuto(): void;
}

/**
 * "Converted as flat logo — auto detected pixel art" under a job the user converted as another
 * kind than auto detected, with "Back to auto", which re-runs it with auto choosing again. Usable
 * while the job runs (the run is replaced).
 */
export function AutoOverrideNote({ name, override, onBackToAuto }: Props) {
  return (
    <div
      className="flex basis-full flex-wrap items-center gap-x-2 text-xs"
      data-testid="auto-override"
    >
      <span>
        Converted as {KIND_LABELS[override.chosen]} ({KIND_SETTINGS[override.chosen].mode}) — auto
        detected {KIND_LABELS[override.detected.kind]}
      </span>
      <button
        type="button"
        className="chip"
        onClick={onBackToAuto}
        aria-label={`Back to auto for ${name}`}
      >
        Back to auto
      </button>
    </div>
  );
}
