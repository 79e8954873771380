import type { AutoChoice, VectorizeOptionsInput } from '../engine';

/** "pixel mode, balanced preset": what auto set (the mode and preset the options left to it). */
export function autoSettingsText(options: VectorizeOptionsInput, choice: AutoChoice): string {
  return [
    options.mode === 'auto' && `${choice.mode} mode`,
    options.preset === 'auto' && `${choice.preset} preset`,
    choice.denoise && options.denoise === undefined && 'denoise',
  ]
    .filter(Boolean)
    .join(', ');
}
