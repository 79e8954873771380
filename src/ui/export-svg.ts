/** Getting SVGs out: download one, download all as a ZIP, copy, share. */
import { downloadZip } from 'client-zip';
import { svgFileName, type Job } from '../jobs/job';

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

/** Unique names inside the archive: `logo.svg`, `logo-2.svg`, … */
export function zipEntryNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const svgName = svgFileName(name);
    const count = (seen.get(svgName) ?? 0) + 1;
    seen.set(svgName, count);
    return count === 1 ? svgName : svgName.replace(/\.svg$/, `-${count}.svg`);
  });
}

export async function downloadAllAsZip(jobs: Job[]): Promise<void> {
  const done = jobs.filter((job) => job.result);
  const names = zipEntryNames(done.map((job) => job.name));
  const zip = await downloadZip(
    done.map((job, index) => ({ name: names[index], input: job.result!.svg })),
  ).blob();
  saveBlob(zip, 'vectorized-svgs.zip');
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
