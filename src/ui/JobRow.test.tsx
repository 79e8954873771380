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
          error: { code: 'DECODE_FAILED', message: 'logo.png could not be read as an image' },
        })}
        selected
        {...handlers()}
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain('(DECODE_FAILED)');
    expect(screen.getByRole('button', { name: 'Show logo.png' }).getAttribute('aria-current')).toBe(
      'true',
    );
    expect(screen.queryByRole('button', { name: 'Cancel logo.png' })).toBeNull();
  });
});
