// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { jobsStore } from '../jobs/app-store';
import type { Job, JobStatus } from '../jobs/job';
import type { JobResult } from '../worker/protocol';
import { DownloadAllButton, downloadAllLabel } from './DownloadAllButton';

const result = { svg: '<svg/>' } as JobResult;
const job = (id: string, status: JobStatus, withResult = status === 'complete') =>
  ({ id, status, result: withResult ? result : undefined }) as Job;

afterEach(() => {
  cleanup();
  jobsStore.setState({ jobs: [] });
});

describe('DownloadAllButton', () => {
  it('says how many results the ZIP holds while jobs still run', () => {
    jobsStore.setState({
      jobs: [job('a', 'complete'), job('b', 'complete'), job('c', 'processing')],
    });
    render(<DownloadAllButton />);
    const button = screen.getByRole('button', { name: 'Download 2 of 3 (ZIP)' });
    expect((button as HTMLButtonElement).disabled).toBe(false);
  });

  it('is "Download all (ZIP)" once nothing runs, and disabled with no result', () => {
    jobsStore.setState({ jobs: [job('a', 'complete'), job('b', 'failed')] });
    render(<DownloadAllButton />);
    expect(screen.getByRole('button', { name: 'Download all (ZIP)' })).toBeTruthy();
    cleanup();
    jobsStore.setState({ jobs: [job('a', 'queued')] });
    render(<DownloadAllButton />);
    const button = screen.getByRole('button', { name: 'Download 0 of 1 (ZIP)' });
    expect((button as HTMLButtonElement).disabled).toBe(true);
  });

  it('counts queued jobs as pending and failed ones not at all', () => {
    expect(
      downloadAllLabel([
        job('a', 'complete'),
        job('b', 'queued'),
        job('c', 'processing'),
        job('d', 'failed'),
        job('e', 'cancelled'),
      ]),
    ).toBe('Download 1 of 3 (ZIP)');
    expect(downloadAllLabel([])).toBe('Download all (ZIP)');
  });
});
