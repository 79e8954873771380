/** The engine's public surface, shared by the worker, the CLI and the Node library. */
export { createEngine } from './engine';
export type { Engine, PngLayout, Progress, ProgressCallback, VectorizeResult } from './engine';
export {
  ERROR_CODES,
  ERROR_FAULTS,
  VectorizeError,
  errorCodeOf,
  faultGroupOf,
  isErrorCode,
  toVectorizeError,
} from './errors';
export { overPixelBudget } from './pixel-budget';
export { resultNotices } from './notices';
export type { ErrorCode, ErrorInfo, FaultGroup } from './errors';
export {
  DEFAULT_OPTIONS,
  MAX_PALETTE,
  MODES,
  OPTION_SPECS,
  PRESET_NAMES,
  REMAP_TRANSPARENT,
  optionSpec,
  parseHexColor,
  validateOption,
} from './options';
export type {
  Mode,
  OptionSpec,
  PaletteRemapEntry,
  PresetName,
  VectorizeOptions,
  VectorizeOptionsInput,
} from './options';
export { presets, resolveOptions } from './presets';
export { formatPaletteRemapText, parsePaletteRemapText } from './palette-remap';
export { STAGES, overallProgress } from './abi';
export type { StageName, VectorizeStats } from './abi';
export { supportsSimd } from './simd';
export { IMAGE_KINDS, KIND_LABELS, KIND_SETTINGS } from './auto';
export type { AutoChoice, Classification, ImageKind } from './auto';
export { EXPORT_FORMATS, exportResult, formatFromPath, validateExportOptions } from './export';
export type { DxfCurves, ExportFormat, ExportOptions, ExportedFile, Rasterizer } from './export';
