import { STAGES, resultNotices } from '../engine';
import type { Job } from '../jobs/job';
import type { JobStats } from '../worker/protocol';
import { formatBytes, formatMs } from './format';
import { useAnalysis, useIdle } from './use-analysis';

function Row({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex justify-between gap-4">
      <dt className="opacity-70">{label}</dt>
      <dd className="tabular-nums">{value}</dd>
    </div>
  );
}

/**
 * How close the SVG comes to the input: mean ΔE00 and SSIM of the worker's render against the
 * input, measured once no conversion is waiting.
 */
function FidelityRows({ job, stats }: { job: Job; stats: JobStats }) {
  const state = useAnalysis(job, useIdle());
  const fidelity = state?.analysis?.fidelity;
  const pending = state?.error ? 'not measured' : 'measuring…';
  const bounded = fidelity && (fidelity.width !== stats.width || fidelity.height !== stats.height);
  return (
    <>
      <Row label="Mean ΔE00" value={fidelity ? fidelity.meanDeltaE.toFixed(2) : pending} />
      <Row label="SSIM" value={fidelity ? fidelity.ssim.toFixed(3) : pending} />
      {bounded && <Row label="Fidelity at" value={`${fidelity.width} × ${fidelity.height} px`} />}
    </>
  );
}

export function StatsPanel({ job, stats }: { job: Job; stats: JobStats }) {
  const ratio = stats.inputBytes > 0 ? stats.gzipBytes / stats.inputBytes : 0;
  return (
    <section aria-labelledby="stats-heading" className="panel">
      <h2 id="stats-heading" className="panel-title">
        Result
      </h2>
      <dl className="grid gap-1 text-sm">
        <Row label="Size" value={`${stats.width} × ${stats.height} px`} />
        <Row label="Colours" value={String(stats.colors)} />
        <Row label="Paths" value={String(stats.paths)} />
        <Row label="Segments" value={String(stats.segments)} />
        <FidelityRows job={job} stats={stats} />
        <Row label="SVG" value={formatBytes(stats.bytes)} />
        <Row label="SVG gzip" value={formatBytes(stats.gzipBytes)} />
        <Row label="Input file" value={formatBytes(stats.inputBytes)} />
        <Row
          label="Gzip vs input"
          value={`${(ratio * 100).toFixed(0)} % (${ratio < 1 ? 'smaller' : 'larger'})`}
        />
        <Row label="decode" value={formatMs(stats.decodeMs)} />
        {STAGES.map((stage) => (
          <Row key={stage} label={stage} value={formatMs(stats.stageMs[stage])} />
        ))}
        <Row label="Total in worker" value={formatMs(stats.totalMs)} />
      </dl>
      {resultNotices(stats).map((notice) => (
        <p key={notice} role="note" className="mt-2 text-sm">
          {notice}
        </p>
      ))}
    </section>
  );
}
