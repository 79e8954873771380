/**
 * The Node library: `import { vectorize, vectorizeFile, presets } from 'vectorizer'`.
 * Same engine and options schema as the app; see docs/API.md.
 */
export { vectorize } from './default-engine';
export { vectorizeFile } from './vectorize-file';
export { decodeImage } from './decode';
export type { DecodedImage, ImageInput } from './decode';
export { DecodeError } from './errors';
export type { DecodeErrorCode } from './errors';
export {
  ERROR_CODES,
  ERROR_FAULTS,
  VectorizeError,
  errorCodeOf,
  toVectorizeError,
  DEFAULT_OPTIONS,
  MODES,
  OPTION_SPECS,
  PRESET_NAMES,
  presets,
  resolveOptions,
  resultNotices,
} from '../engine';
export type {
  ErrorCode,
  ErrorInfo,
  FaultGroup,
  Mode,
  OptionSpec,
  PresetName,
  Progress,
  ProgressCallback,
  StageName,
  VectorizeOptions,
  VectorizeOptionsInput,
  VectorizeResult,
  VectorizeStats,
} from '../engine';
export { exportResult, renderPng } from './export';
export { EXPORT_FORMATS, formatFromPath } from '../engine/export';
export type { DxfCurves, ExportFormat, ExportOptions, ExportedFile } from '../engine/export';
