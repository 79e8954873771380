// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Job } from '../jobs/job';
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
});
