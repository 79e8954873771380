// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { ErrorBoundary } from './ErrorBoundary';

afterEach(cleanup);

function Broken(): never {
  throw new Error('render bug');
}

it('shows a message instead of blanking the page when a child throws', () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  render(
    <div>
      <p>still here</p>
      <ErrorBoundary area="the compare view">
        <Broken />
      </ErrorBoundary>
    </div>,
  );
  expect(screen.getByRole('alert').textContent).toContain('the compare view');
  expect(screen.getByText('still here')).toBeTruthy();
});
