// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { OPTION_SPECS } from '../engine';
import { jobsStore } from '../jobs/app-store';
import { OptionsPanel } from './OptionsPanel';

afterEach(() => {
  cleanup();
  jobsStore.setState({ options: {} });
});

describe('OptionsPanel', () => {
  it('has one labelled control with its explanation for every option in the schema', () => {
    render(<OptionsPanel />);
    for (const spec of OPTION_SPECS) {
      const control = screen.getByLabelText(spec.name);
      expect(control.getAttribute('aria-describedby')).toBe(`option-${spec.name}-help`);
      expect(screen.getByText(spec.description)).toBeTruthy();
    }
  });

  it('shows the preset values and a preset choice replaces them', () => {
    render(<OptionsPanel />);
    expect((screen.getByLabelText('colors') as HTMLInputElement).value).toBe('32');
    fireEvent.change(screen.getByLabelText('colors'), { target: { value: '12' } });
    expect(jobsStore.getState().options).toEqual({ colors: 12 });
    fireEvent.change(screen.getByLabelText('preset'), { target: { value: 'ultra' } });
    expect(jobsStore.getState().options).toEqual({ preset: 'ultra' });
    expect((screen.getByLabelText('colors') as HTMLInputElement).value).toBe('128');
  });

  it('switches an option with an automatic value between auto and a number', () => {
    render(<OptionsPanel />);
    const threshold = screen.getByLabelText('threshold') as HTMLInputElement;
    expect(threshold.disabled).toBe(true);
    const auto = threshold.parentElement!.querySelector('input[type=checkbox]')!;
    fireEvent.click(auto);
    expect(jobsStore.getState().options).toEqual({ threshold: 0 });
  });
});
