/**
 * Fidelity measures over RGBA rasters (DOM-free, pure): CIEDE2000, composition over white,
 * SSIM on luma, the per-pixel ΔE00 map, flat-area loss. The benchmark and the app's worker
 * both measure through this module.
 */
export { ciede2000 } from './ciede2000';
export { colourFidelity, fidelityReference } from './colour-fidelity';
export type { ColourFidelity, FidelityReference } from './colour-fidelity';
export { deltaEMap, mean } from './delta-e';
export { FLAT_ERROR_DELTA_E, FLAT_NEIGHBOUR_DELTA_E, flatAreaLoss, flatMask } from './flat-area';
export type { FlatAreaLoss } from './flat-area';
export { labOverWhite, srgbToLab } from './lab';
export { assertSameSize, overWhite } from './raster';
export type { Raster } from './raster';
export { ssim } from './ssim';
export {
  HEATMAP_MAX_SIDE,
  HEATMAP_STOPS,
  heatmapColour,
  heatmapPixels,
  heatmapSize,
} from './heatmap';
export type { HeatmapStop } from './heatmap';
