/** Getting results out: download one, download all as a ZIP (in any export format), copy, share. */
import { downloadZip } from 'client-zip';
import { exportFileName, svgFileName, type Job } from '../jobs/job';
import type { JobExport } from '../jobs/store';

function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function svgBlob(svg: string): Blob {
  return new Blob([svg], { type: 'image/svg+xml' });
}

export function downloadSvg(job: Job): void {
  if (job.result) saveBlob(svgBlob(job.result.svg), svgFileName(job.name));
}

/** Saves one exported result, named after its input: `logo.png` → `logo.pdf`. */
export function downloadExport({ job, file }: JobExport): string {
  const name = exportFileName(job.name, file.extension);
  saveBlob(new Blob([file.data as Uint8Array<ArrayBuffer>], { type: file.mimeType }), name);
  return name;
}

/** Unique names inside the archive: `logo.svg`, `logo-2.svg`, … */
export function zipEntryNames(names: string[], extension = '.svg'): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const entry = exportFileName(name, extension);
    const count = (seen.get(entry) ?? 0) + 1;
    seen.set(entry, count);
    return count === 1 ? entry : `${entry.slice(0, -extension.length)}-${count}${extension}`;
  });
}

/** One ZIP of exported results (all of one format), each named after its input. */
export async function downloadAllAsZip(exports: JobExport[]): Promise<void> {
  if (exports.length === 0) return;
  const extension = exports[0].file.extension;
  const names = zipEntryNames(
    exports.map(({ job }) => job.name),
    extension,
  );
  const zip = await downloadZip(
    exports.map(({ file }, index) => ({ name: names[index], input: file.data })),
  ).blob();
  saveBlob(zip, `vectorized-${extension.slice(1)}s.zip`);
}

export async function copySvg(job: Job): Promise<void> {
  if (job.result) await navigator.clipboard.writeText(job.result.svg);
}

export function canShare(job: Job): boolean {
  if (!job.result || typeof navigator.canShare !== 'function') return false;
  const file = new File([job.result.svg], svgFileName(job.name), { type: 'image/svg+xml' });
  return navigator.canShare({ files: [file] });
}

export async function shareSvg(job: Job): Promise<void> {
  if (!job.result) return;
  const file = new File([job.result.svg], svgFileName(job.name), { type: 'image/svg+xml' });
  await navigator.share({ files: [file], title: svgFileName(job.name) });
}
