import { useState } from 'react';

const SAMPLES = [
  { file: 'red-apple.png', label: 'Apple logo' },
  { file: 'crab.png', label: 'Crab illustration' },
  { file: 'rocket.png', label: 'Rocket emoji' },
];

/** Built-in images (served with the app) to try without a file of one's own. */
export function SampleImages({ onFiles }: { onFiles(files: File[]): void }) {
  const [error, setError] = useState('');
  const load = async (name: string) => {
    try {
      const response = await fetch(`/samples/${name}`);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      onFiles([new File([await response.blob()], name, { type: 'image/png' })]);
    } catch (cause) {
      setError(`The sample could not be loaded (${(cause as Error).message}).`);
    }
  };
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <span className="opacity-70">Try a sample:</span>
      {SAMPLES.map((sample) => (
        <button
          key={sample.file}
          type="button"
          className="btn"
          onClick={() => void load(sample.file)}
        >
          {sample.label}
        </button>
      ))}
      {error && <span role="alert">{error}</span>}
    </div>
  );
}
