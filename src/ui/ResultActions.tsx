import { useState } from 'react';
import type { Job } from '../jobs/job';
import { canShare, copySvg, downloadSvg, shareSvg } from './export-svg';

/** Download, copy and share the selected job's SVG. */
export function ResultActions({ job }: { job: Job }) {
  const [notice, setNotice] = useState('');
  const run = (action: () => Promise<void>, done: string) => {
    action().then(
      () => setNotice(done),
      (error: Error) => setNotice(error.name === 'AbortError' ? '' : `Failed: ${error.message}`),
    );
  };
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button type="button" className="btn btn-primary" onClick={() => downloadSvg(job)}>
        Download SVG
      </button>
      <button type="button" className="btn" onClick={() => run(() => copySvg(job), 'SVG copied')}>
        Copy SVG
      </button>
      {canShare(job) && (
        <button type="button" className="btn" onClick={() => run(() => shareSvg(job), '')}>
          Share
        </button>
      )}
      <span role="status" className="text-sm opacity-80">
        {notice}
      </span>
    </div>
  );
}
