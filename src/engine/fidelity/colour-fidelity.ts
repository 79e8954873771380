/**
 * The colour measures of a render against its input, with the input's share of the work
 * (its Lab image and flat mask) done once so that many renders of one input are cheap.
 */
import { deltaEMap, mean } from './delta-e';
import { flatAreaLoss, flatMask, type FlatAreaLoss } from './flat-area';
import { labOverWhite } from './lab';
import { assertSameSize, type Raster } from './raster';

export interface FidelityReference {
  input: Raster;
  /** The input over white in CIELAB. */
  lab: Float32Array;
  /** 1 where the input is flat (see `flatMask`). */
  flat: Uint8Array;
}

export interface ColourFidelity {
  /** ΔE00 per pixel, input against render, both over white. */
  errorMap: Float32Array;
  meanDeltaE: number;
  flatLoss: FlatAreaLoss;
}

export function fidelityReference(input: Raster): FidelityReference {
  const lab = labOverWhite(input);
  return { input, lab, flat: flatMask(lab, input.width, input.height) };
}

export function colourFidelity(reference: FidelityReference, rendered: Raster): ColourFidelity {
  assertSameSize(reference.input, rendered);
  const errorMap = deltaEMap(reference.lab, labOverWhite(rendered));
  return {
    errorMap,
    meanDeltaE: mean(errorMap),
    flatLoss: flatAreaLoss(reference.flat, errorMap),
  };
}
