import { formatPaletteRemapText, parsePaletteRemapText } from '../engine';
import type { OptionSpec, VectorizeOptions } from '../engine';

interface Props {
  spec: OptionSpec;
  value: VectorizeOptions[keyof VectorizeOptions];
  onChange(value: unknown): void;
}

/**
 * One control generated from its schema entry — select, number (with auto), checkbox, colour,
 * palette — labelled with the spec's human label (the CLI keeps the flag names).
 */
export function OptionControl({ spec, value, onChange }: Props) {
  const id = `option-${spec.name}`;
  const help = `${id}-help`;
  const label = (
    <label htmlFor={id} className="font-medium">
      {spec.label}
    </label>
  );
  let control;
  switch (spec.kind) {
    case 'enum':
      control = (
        <select
          id={id}
          aria-describedby={help}
          className="field"
          value={String(value)}
          onChange={(e) => onChange(e.target.value)}
        >
          {[...spec.values, ...(spec.auto ? ['auto'] : [])].map((option) => (
            <option key={option}>{option}</option>
          ))}
        </select>
      );
      break;
    case 'bool':
      control = (
        <input
          id={id}
          aria-describedby={help}
          type="checkbox"
          checked={value === true}
          onChange={(e) => onChange(e.target.checked)}
        />
      );
      break;
    case 'palette':
      control = (
        <input
          id={id}
          aria-describedby={help}
          className="field"
          key={Array.isArray(value) ? value.join(' ') : 'automatic'}
          placeholder="automatic, or #e30 #fff #123456"
          defaultValue={Array.isArray(value) ? value.join(' ') : ''}
          onBlur={(e) => {
            const entries = e.target.value.split(/[\s,]+/).filter(Boolean);
            onChange(entries.length > 0 ? entries : null);
          }}
        />
      );
      break;
    case 'paletteRemap': {
      const text = Array.isArray(value)
        ? formatPaletteRemapText(value as VectorizeOptions['paletteRemap'] & object)
        : '';
      control = (
        <input
          id={id}
          aria-describedby={help}
          className="field"
          key={text || 'none'}
          placeholder="none, or #f00->#0f0,#fff->transparent"
          defaultValue={text}
          onBlur={(e) => {
            const entries = parsePaletteRemapText(e.target.value);
            onChange(entries.length > 0 ? entries : null);
          }}
        />
      );
      break;
    }
    case 'color': {
      const isAuto = value === 'auto';
      control = (
        <span className="flex items-center gap-2">
          <input
            id={id}
            aria-describedby={help}
            type="color"
            disabled={isAuto}
            value={isAuto ? '#000000' : String(value)}
            onChange={(e) => onChange(e.target.value)}
          />
          {spec.auto && (
            <AutoToggle
              label={spec.label}
              checked={isAuto}
              onChange={(auto) => onChange(auto ? 'auto' : '#000000')}
            />
          )}
        </span>
      );
      break;
    }
    case 'int':
    case 'float': {
      const isAuto = value === 'auto';
      control = (
        <span className="flex items-center gap-2">
          <input
            id={id}
            aria-describedby={help}
            type="number"
            className="field w-28"
            min={spec.min}
            max={spec.max}
            step={spec.kind === 'int' ? 1 : 0.05}
            disabled={isAuto}
            value={isAuto ? '' : Number(value)}
            onChange={(e) => {
              const number = e.target.valueAsNumber;
              if (Number.isFinite(number)) onChange(Math.min(spec.max, Math.max(spec.min, number)));
            }}
          />
          {spec.unit && <span className="text-xs opacity-70">{spec.unit}</span>}
          {spec.auto && (
            <AutoToggle
              label={spec.label}
              checked={isAuto}
              onChange={(auto) => onChange(auto ? 'auto' : (spec.manual ?? spec.min))}
            />
          )}
        </span>
      );
      break;
    }
  }
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center justify-between gap-2">
        {label}
        {control}
      </div>
      <p id={help} className="text-xs opacity-70">
        {spec.description}
      </p>
    </div>
  );
}

/** The "auto" checkbox beside a value that may also be chosen automatically. */
function AutoToggle(props: { label: string; checked: boolean; onChange(auto: boolean): void }) {
  return (
    <label className="flex items-center gap-1 text-xs">
      <input
        type="checkbox"
        aria-label={`${props.label}: automatic`}
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      auto
    </label>
  );
}
