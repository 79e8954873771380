import { lazy, Suspense } from 'react';
import { telemetry, useJobs } from '../jobs/app-store';

// Loaded once the user opts in: the health check (and react-query) stay out of the main bundle.
const TelemetryEndpointStatus = lazy(() => import('./TelemetryEndpointStatus'));

function NumberSetting(props: {
  id: string;
  label: string;
  value: number;
  min: number;
  max: number;
  onChange(value: number): void;
}) {
  return (
    <div className="flex items-center justify-between gap-2">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="number"
        className="field w-24"
        min={props.min}
        max={props.max}
        value={props.value}
        onChange={(event) => {
          const value = event.target.valueAsNumber;
          if (Number.isFinite(value))
            props.onChange(Math.min(props.max, Math.max(props.min, Math.round(value))));
        }}
      />
    </div>
  );
}

/** Concurrency, watchdog, retention, usage statistics, and clearing everything. */
export function SettingsPanel() {
  const settings = useJobs((state) => state.settings);
  const update = useJobs((state) => state.updateSettings);
  const clearAll = useJobs((state) => state.clearAll);
  return (
    <section aria-labelledby="settings-heading" className="panel">
      <h2 id="settings-heading" className="panel-title">
        Settings
      </h2>
      <div className="flex flex-col gap-2 text-sm">
        <NumberSetting
          id="setting-concurrency"
          label="Jobs at once"
          value={settings.concurrency}
          min={1}
          max={16}
          onChange={(concurrency) => update({ concurrency })}
        />
        <NumberSetting
          id="setting-watchdog"
          label="Stop a job silent for (s)"
          value={settings.watchdogSeconds}
          min={5}
          max={3600}
          onChange={(watchdogSeconds) => update({ watchdogSeconds })}
        />
        <NumberSetting
          id="setting-retention"
          label="Keep results for (days)"
          value={settings.retentionDays}
          min={1}
          max={365}
          onChange={(retentionDays) => update({ retentionDays })}
        />
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={settings.telemetry}
            onChange={(event) => update({ telemetry: event.target.checked })}
          />
          Share anonymous usage statistics (timings and error codes; never images or names)
        </label>
        {settings.telemetry && telemetry.blockedByPrivacySignal && (
          <p className="text-xs opacity-70">
            Your browser asks sites not to track (Do Not Track / Global Privacy Control): nothing is
            sent.
          </p>
        )}
        {settings.telemetry && (
          <Suspense fallback={null}>
            <TelemetryEndpointStatus />
          </Suspense>
        )}
        <button
          type="button"
          className="btn mt-2 self-start"
          onClick={() => {
            if (window.confirm('Delete every job and saved result?')) void clearAll();
          }}
        >
          Clear all results
        </button>
      </div>
    </section>
  );
}
