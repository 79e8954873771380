// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Job } from '../jobs/job';
import { sampleAutoChoice } from '../engine/auto.test-support';
import { JobRow } from './JobRow';

afterEach(cleanup);

function job(changes: Partial<Job>): Job {
  return {
    id: 'a',
    name: 'logo.png',
    file: new Blob(['x']),
    options: {},
    status: 'queued',
    progress: 0,
    stage: undefined,
    createdAt: 0,
    startedAt: undefined,
    elapsedMs: undefined,
    result: undefined,
    error: undefined,
    storageError: undefined,
    saved: false,
    ...changes,
  };
}

const handlers = () => ({ onSelect: vi.fn(), onCancel: vi.fn(), onRemove: vi.fn() });

describe('JobRow', () => {
  it('shows stage, progress and a cancel button while processing', () => {
    const actions = handlers();
    render(
      <JobRow
        job={job({ status: 'processing', stage: 'trace', progress: 0.42, startedAt: Date.now() })}
        selected={false}
        {...actions}
      />,
    );
    expect(screen.getByText('processing')).toBeTruthy();
    expect(screen.getByText(/trace · 42 %/)).toBeTruthy();
    expect(screen.getByLabelText('logo.png progress').getAttribute('value')).toBe('0.42');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel logo.png' }));
    expect(actions.onCancel).toHaveBeenCalledOnce();
  });

  it('shows a failed job’s message and typed code', () => {
    render(
      <JobRow
        job={job({
          status: 'failed',
          elapsedMs: 12,
          error: { code: 'CORRUPT', message: 'logo.png is corrupt or truncated' },
        })}
        selected
        {...handlers()}
      />,
    );
    // The same code the CLI prints with --json, so a report from either names the same failure.
    expect(screen.getByRole('alert').textContent).toBe(
      'logo.png is corrupt or truncated · CORRUPT',
    );
    expect(screen.getByText('CORRUPT').getAttribute('data-error-code')).toBe('CORRUPT');
    expect(
      screen.getByRole('button', { name: /^Show logo\.png/ }).getAttribute('aria-current'),
    ).toBe('true');
    expect(screen.queryByRole('button', { name: 'Cancel logo.png' })).toBeNull();
  });

  it('shows a failed export’s message and code on a finished job', () => {
    render(
      <JobRow
        job={job({
          status: 'complete',
          progress: 1,
          exportError: {
            code: 'TOO_LARGE',
            message: 'The PNG would be too big',
            option: 'maxPixels',
          },
        })}
        selected={false}
        {...handlers()}
      />,
    );
    expect(screen.getByRole('alert').textContent).toBe('The PNG would be too big · TOO_LARGE');
  });

  it('says what auto detected and re-runs as another kind from its menu', () => {
    const onOverride = vi.fn();
    const done = job({ status: 'complete', progress: 1, options: { mode: 'auto' } });
    const auto = {
      kind: 'pixelArt' as const,
      alpha: true,
      noisy: false,
      features: { flat: 1, exact: 1, grey: 0, extreme: 0, translucent: 0 },
      mode: 'pixel' as const,
      preset: 'balanced' as const,
      denoise: false,
    };
    const stats = { auto } as unknown as NonNullable<Job['result']>['stats'];
    const result = { svg: '<svg/>', thumbnail: new Blob(), stats };
    const { rerender } = render(
      <JobRow job={{ ...done, result }} selected={false} {...handlers()} onOverride={onOverride} />,
    );
    expect(screen.getByText('Auto — detected: pixel art')).toBeTruthy();
    // Only the mode was left to auto: the preset given by hand is not auto's to report.
    expect(screen.getByText('→ pixel mode')).toBeTruthy();
    const menu = screen.getByRole('group', { name: 'Convert logo.png as' });
    expect(Array.from(menu.querySelectorAll('button'), (b) => b.textContent)).toEqual([
      'line art (bw)',
      'flat logo (color)',
      'illustration (color)',
      'photo (color)',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'line art (bw)' }));
    expect(onOverride).toHaveBeenCalledWith('lineArt');
    // While the job runs again, the menu waits for it.
    rerender(
      <JobRow
        job={{ ...done, status: 'processing', result }}
        selected={false}
        {...handlers()}
        onOverride={onOverride}
      />,
    );
    expect(
      (screen.getByRole('button', { name: 'photo (color)' }) as HTMLButtonElement).disabled,
    ).toBe(true);
  });

  it('after an override, says what the job was converted as and offers to go back to auto', () => {
    const onBackToAuto = vi.fn();
    const overridden = job({
      status: 'complete',
      options: { mode: 'color', preset: 'balanced' },
      autoOverride: {
        detected: sampleAutoChoice({ kind: 'pixelArt' }),
        chosen: 'logo',
        autoOptions: { mode: 'auto' },
      },
    });
    render(
      <JobRow
        job={overridden}
        selected={false}
        {...handlers()}
        onOverride={vi.fn()}
        onBackToAuto={onBackToAuto}
      />,
    );
    expect(screen.getByTestId('auto-override').textContent).toContain(
      'Converted as flat logo (color) — auto detected pixel art',
    );
    expect(screen.queryByText(/Auto — detected/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Back to auto for logo.png' }));
    expect(onBackToAuto).toHaveBeenCalledOnce();
  });

  it('shows no auto note for a job converted with settings given by hand', () => {
    render(<JobRow job={job({ status: 'complete' })} selected={false} {...handlers()} />);
    expect(screen.queryByText(/Auto — detected/)).toBeNull();
  });
});
