import { FEATURE_NAMES, type AutoChoice, type ClassifierFeatures } from './auto';

/** An `AutoChoice` for tests of what the app does with one: every feature 0 unless given. */
export function sampleAutoChoice(changes: Partial<AutoChoice> = {}): AutoChoice {
  const features = Object.fromEntries(FEATURE_NAMES.map((name) => [name, 0]));
  return {
    kind: 'pixelArt',
    alpha: false,
    noisy: false,
    keepsBw: false,
    unevenPage: false,
    features: features as ClassifierFeatures,
    mode: 'pixel',
    preset: 'balanced',
    denoise: false,
    classifyMs: 1,
    ...changes,
  };
}
