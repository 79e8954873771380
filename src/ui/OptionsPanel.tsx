import { useId, useState } from 'react';
import {
  OPTION_SPECS,
  resolveOptions,
  type VectorizeOptions,
  type VectorizeOptionsInput,
} from '../engine';
import { useJobs } from '../jobs/app-store';
import { OptionControl } from './OptionControl';

const BASIC = OPTION_SPECS.filter((spec) => spec.group === 'basic');
const ADVANCED = OPTION_SPECS.filter((spec) => spec.group === 'advanced');

/**
 * Every engine option, generated from the one schema and labelled with its `label`; the basic
 * ones (preset, mode, colours, palette) first, the rest behind an "Advanced" disclosure. Changes
 * re-run the selected job.
 */
export function OptionsPanel() {
  const [showAdvanced, setShowAdvanced] = useState(false);
  const advancedId = useId();
  const options = useJobs((state) => state.options);
  const setOptions = useJobs((state) => state.setOptions);
  const resetOptions = useJobs((state) => state.resetOptions);
  let resolved: VectorizeOptions;
  let problem: string | undefined;
  try {
    resolved = resolveOptions(options);
  } catch (error) {
    resolved = resolveOptions({});
    problem = (error as Error).message;
  }

  const change = (name: keyof VectorizeOptions, value: unknown) => {
    // A preset replaces the options it sets; other choices are kept.
    const next: Record<string, unknown> = { ...options, [name]: value };
    if (name === 'preset') {
      delete next.colors;
      delete next.minArea;
      delete next.tolerance;
    }
    setOptions(next as VectorizeOptionsInput);
  };

  const control = (spec: (typeof OPTION_SPECS)[number]) => (
    <OptionControl
      key={spec.name}
      spec={spec}
      value={resolved[spec.name]}
      onChange={(value) => change(spec.name, value)}
    />
  );

  return (
    <section aria-labelledby="options-heading" className="panel">
      <div className="flex items-center justify-between">
        <h2 id="options-heading" className="panel-title">
          Options
        </h2>
        <button type="button" className="btn" onClick={resetOptions}>
          Reset
        </button>
      </div>
      {problem && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {problem}
        </p>
      )}
      <div className="flex flex-col gap-3 text-sm">{BASIC.map(control)}</div>
      <button
        type="button"
        className="btn mt-3"
        aria-expanded={showAdvanced}
        aria-controls={advancedId}
        onClick={() => setShowAdvanced((shown) => !shown)}
      >
        {showAdvanced ? '▾' : '▸'} Advanced options
      </button>
      <div
        id={advancedId}
        hidden={!showAdvanced}
        className={showAdvanced ? 'mt-3 flex flex-col gap-3 text-sm' : undefined}
      >
        {ADVANCED.map(control)}
      </div>
    </section>
  );
}
