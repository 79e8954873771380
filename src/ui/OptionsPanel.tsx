import {
  OPTION_SPECS,
  resolveOptions,
  type VectorizeOptions,
  type VectorizeOptionsInput,
} from '../engine';
import { useJobs } from '../jobs/app-store';
import { OptionControl } from './OptionControl';

/** Every engine option, generated from the one schema; changes re-run the selected job. */
export function OptionsPanel() {
  const options = useJobs((state) => state.options);
  const setOptions = useJobs((state) => state.setOptions);
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

  return (
    <section aria-labelledby="options-heading" className="panel">
      <div className="flex items-center justify-between">
        <h2 id="options-heading" className="panel-title">
          Options
        </h2>
        <button type="button" className="btn" onClick={() => setOptions({})}>
          Reset
        </button>
      </div>
      {problem && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {problem}
        </p>
      )}
      <div className="flex flex-col gap-3 text-sm">
        {OPTION_SPECS.map((spec) => (
          <OptionControl
            key={spec.name}
            spec={spec}
            value={resolved[spec.name]}
            onChange={(value) => change(spec.name, value)}
          />
        ))}
      </div>
    </section>
  );
}
