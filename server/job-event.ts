import { z } from 'zod';

/** One anonymous job event as the app reports it. No image data, file names or pixels. */
export const jobEventSchema = z
  .object({
    jobId: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[A-Za-z0-9_-]+$/, 'jobId may hold only letters, digits, "-" and "_"'),
    status: z.enum(['started', 'complete', 'failed', 'cancelled']),
    durationSeconds: z.number().nonnegative().max(86_400).optional(),
    preset: z
      .string()
      .max(32)
      .regex(/^[a-z0-9-]+$/)
      .optional(),
    mode: z
      .string()
      .max(32)
      .regex(/^[a-z0-9-]+$/)
      .optional(),
    megapixels: z.number().nonnegative().max(1_000).optional(),
    outputBytes: z.number().int().nonnegative().optional(),
    errorCode: z
      .string()
      .max(64)
      .regex(/^[A-Za-z0-9_.-]+$/)
      .optional(),
  })
  .strict();

export const telemetryBatchSchema = z
  .object({ events: z.array(jobEventSchema).min(1).max(100) })
  .strict();

export type JobEvent = z.infer<typeof jobEventSchema>;
export type TelemetryBatch = z.infer<typeof telemetryBatchSchema>;

/** A one-line reason for a rejected batch, naming the first offending path. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`)
    .join('; ');
}
