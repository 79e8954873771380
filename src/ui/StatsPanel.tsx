import { STAGES } from '../engine';
import type { JobStats } from '../worker/protocol';
import { formatBytes, formatMs } from './format';

function Row({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex justify-between gap-4">
      <dt className="opacity-70">{label}</dt>
      <dd className="tabular-nums">{value}</dd>
    </div>
  );
}

export function StatsPanel({ stats }: { stats: JobStats }) {
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
    </section>
  );
}
