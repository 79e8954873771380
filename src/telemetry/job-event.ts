/**
 * The telemetry event schema: the one definition the app's client and the endpoint (server/)
 * share. The server validates with it; the app imports only its types (`import type`), so zod
 * stays out of the app bundle. One anonymous job event: no image data, file names or pixels.
 */
import { z } from 'zod';
import { ERROR_CODES } from '../engine/errors.js';

/** Preset and mode names: lower-case letters, digits and "-". */
const name = z
  .string()
  .max(32)
  .regex(/^[a-z0-9-]+$/)
  .optional();

export const jobEventSchema = z
  .object({
    /** Random id of the job, not derived from the file. */
    jobId: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[A-Za-z0-9_-]+$/, 'jobId may hold only letters, digits, "-" and "_"'),
    status: z.enum(['started', 'complete', 'failed', 'cancelled']),
    durationSeconds: z.number().nonnegative().max(86_400).optional(),
    preset: name,
    mode: name,
    megapixels: z.number().nonnegative().max(1_000).optional(),
    outputBytes: z.number().int().nonnegative().optional(),
    /** The job's error code (src/engine/errors.ts), the same code the CLI prints. */
    errorCode: z.enum(ERROR_CODES).optional(),
  })
  .strict();

export const telemetryBatchSchema = z
  .object({ events: z.array(jobEventSchema).min(1).max(100) })
  .strict();

export type TelemetryJobEvent = z.infer<typeof jobEventSchema>;
export type TelemetryBatch = z.infer<typeof telemetryBatchSchema>;
