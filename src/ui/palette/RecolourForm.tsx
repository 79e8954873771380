import { useId, useState } from 'react';

const HEX = /^#?([0-9a-f]{6})$/i;

/** A colour input and a hex field for one swatch's new colour; "Recolour" applies it. */
export function RecolourForm(props: { colour: string; onRecolour(colour: string): void }) {
  const id = useId();
  const [draft, setDraft] = useState(props.colour);
  const valid = HEX.exec(draft.trim());
  const next = valid ? `#${valid[1].toLowerCase()}` : undefined;
  return (
    <form
      className="mt-2 flex flex-wrap items-center gap-2 text-sm"
      aria-label={`Recolour ${props.colour}`}
      onSubmit={(event) => {
        event.preventDefault();
        if (next && next !== props.colour) props.onRecolour(next);
      }}
    >
      <input
        type="color"
        aria-label="New colour"
        className="h-8 w-10 cursor-pointer rounded border border-slate-300 dark:border-slate-600"
        value={next ?? props.colour}
        onChange={(event) => setDraft(event.target.value)}
      />
      <label htmlFor={id} className="sr-only">
        New colour as hex
      </label>
      <input
        id={id}
        className="field w-24 font-mono"
        value={draft}
        spellCheck={false}
        aria-invalid={!next}
        onChange={(event) => setDraft(event.target.value)}
      />
      <button type="submit" className="btn" disabled={!next || next === props.colour}>
        Recolour
      </button>
    </form>
  );
}
