/**
 * The engine options as command-line flags, generated from the one options schema: each option
 * `minArea` becomes `--min-area <value>`; booleans are `--denoise` / `--no-denoise`; the palette
 * is a comma-separated list of hex colours, the palette remap a list of `from->to` entries.
 */
import {
  OPTION_SPECS,
  VectorizeError,
  parsePaletteRemapText,
  resolveOptions,
  validateOption,
  type OptionSpec,
  type VectorizeOptionsInput,
} from '../engine';
import { UsageError } from './usage-error';

export function flagName(optionName: string): string {
  return '--' + optionName.replace(/[A-Z]/g, (letter) => '-' + letter.toLowerCase());
}

/** The option a flag names (`--min-area` → minArea), or undefined. */
export function specForFlag(flag: string): OptionSpec | undefined {
  return OPTION_SPECS.find((spec) => flagName(spec.name) === flag);
}

/** The value a flag accepts, in words, for help and error messages. */
export function valueHint(spec: OptionSpec): string {
  switch (spec.kind) {
    case 'enum':
      return spec.values.join('|');
    case 'bool':
      return '';
    case 'palette':
      return `#rgb,#rrggbb,… (1–${spec.maxColors})`;
    case 'paletteRemap':
      return '#from->#to|transparent,…';
    case 'color':
      return `#rgb|#rrggbb${spec.auto ? '|auto' : ''}`;
    case 'int':
    case 'float':
      return `${spec.min}–${spec.max}${spec.auto ? '|auto' : ''}`;
  }
}

const DECIMAL = /^-?(\d+\.?\d*|\.\d+)$/;

function parseRaw(spec: OptionSpec, flag: string, text: string): unknown {
  switch (spec.kind) {
    case 'enum':
      return text;
    case 'bool':
      if (text === 'true') return true;
      if (text === 'false') return false;
      throw new UsageError(`${flag} takes no value, or =true / =false (got "${text}").`);
    case 'palette':
      return text.split(',').map((entry) => entry.trim());
    case 'paletteRemap':
      return parsePaletteRemapText(text);
    case 'color':
      return text.trim();
    case 'int':
    case 'float':
      if (spec.auto && text === 'auto') return 'auto';
      if (!DECIMAL.test(text.trim()))
        throw new UsageError(`${flag} must be a number from ${valueHint(spec)} (got "${text}").`);
      return Number(text);
  }
}

/** An engine message about option minArea (`error.option`), naming the flag --min-area instead. */
function asFlagMessage(error: VectorizeError): string {
  if (error.option === undefined) return error.message;
  const flag = flagName(error.option);
  const subject = `Option "${error.option}"`;
  return error.message.startsWith(subject)
    ? flag + error.message.slice(subject.length)
    : `${flag}: ${error.message}`;
}

/** Parses and validates one option flag's value; throws UsageError naming the flag. */
export function parseOptionValue(spec: OptionSpec, text: string): unknown {
  const flag = flagName(spec.name);
  try {
    return validateOption(spec, parseRaw(spec, flag, text));
  } catch (error) {
    if (error instanceof VectorizeError) throw new UsageError(asFlagMessage(error));
    throw error;
  }
}

/** Checks the options as a whole (as the engine will), reporting problems by flag name. */
export function checkOptions(options: VectorizeOptionsInput): void {
  try {
    resolveOptions(options);
  } catch (error) {
    if (error instanceof VectorizeError) throw new UsageError(asFlagMessage(error));
    throw error;
  }
}
