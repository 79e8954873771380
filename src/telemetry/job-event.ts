/**
 * One anonymous job event, as the telemetry endpoint accepts it (server/job-event.ts holds the
 * authoritative schema). Never image data, file names or pixels.
 */
export interface TelemetryJobEvent {
  /** Random id of the job (letters, digits, "-", "_"; at most 64). Not derived from the file. */
  jobId: string;
  status: 'started' | 'complete' | 'failed' | 'cancelled';
  durationSeconds?: number;
  /** Preset and mode names: lower-case letters, digits and "-". */
  preset?: string;
  mode?: string;
  megapixels?: number;
  outputBytes?: number;
  /** A short machine code such as `decode_error`, never a message with user data. */
  errorCode?: string;
}
