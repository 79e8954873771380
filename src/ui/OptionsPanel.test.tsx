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

const control = (label: string) =>
  screen.getByLabelText(label, { exact: true }) as HTMLInputElement;

describe('OptionsPanel', () => {
  it('has one control labelled for people, with its explanation, for every option in the schema', () => {
    render(<OptionsPanel />);
    for (const spec of OPTION_SPECS) {
      const input = control(spec.label);
      expect(input.id).toBe(`option-${spec.name}`);
      expect(input.getAttribute('aria-describedby')).toBe(`option-${spec.name}-help`);
      expect(screen.getByText(spec.description)).toBeTruthy();
    }
  });

  it('shows preset, mode, colours and palette first and the rest under "Advanced options"', () => {
    render(<OptionsPanel />);
    const toggle = screen.getByRole('button', { name: /Advanced options/ });
    const region = document.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(region.hidden).toBe(true);

    const basic = OPTION_SPECS.filter((spec) => spec.group === 'basic').map((spec) => spec.name);
    expect(basic).toEqual(['preset', 'mode', 'colors', 'palette']);
    for (const spec of OPTION_SPECS) {
      const inAdvanced = region.contains(control(spec.label));
      expect(inAdvanced, spec.name).toBe(spec.group === 'advanced');
      // Basic controls come before the disclosure in reading order.
      if (!inAdvanced)
        expect(
          control(spec.label).compareDocumentPosition(toggle) & Node.DOCUMENT_POSITION_FOLLOWING,
        ).toBeTruthy();
    }

    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(region.hidden).toBe(false);
  });

  it('shows the preset values and a preset choice replaces them', () => {
    render(<OptionsPanel />);
    expect(control('Colours').value).toBe('32');
    fireEvent.change(control('Colours'), { target: { value: '12' } });
    expect(jobsStore.getState().options).toEqual({ colors: 12 });
    fireEvent.change(control('Preset'), { target: { value: 'ultra' } });
    expect(jobsStore.getState().options).toEqual({ preset: 'ultra' });
    expect(control('Colours').value).toBe('128');
  });

  it('switches an option with an automatic value between auto and a number', () => {
    render(<OptionsPanel />);
    fireEvent.click(screen.getByRole('button', { name: /Advanced options/ }));
    expect(control('Threshold').disabled).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Threshold: automatic' }));
    expect(jobsStore.getState().options).toEqual({ threshold: 128 });
  });

  it('offers auto for mode and preset (chosen from the image), and only for those enums', () => {
    render(<OptionsPanel />);
    const values = (label: string) =>
      Array.from((control(label) as unknown as HTMLSelectElement).options, (o) => o.value);
    expect(values('Mode')).toEqual(['color', 'bw', 'pixel', 'centerline', 'auto']);
    expect(values('Preset')).toEqual(['fast', 'balanced', 'high', 'ultra', 'auto']);
    expect(values('Draw style')).not.toContain('auto');
    fireEvent.change(control('Mode'), { target: { value: 'auto' } });
    fireEvent.change(control('Preset'), { target: { value: 'auto' } });
    expect(jobsStore.getState().options).toEqual({ mode: 'auto', preset: 'auto' });
    expect(control('Mode').value).toBe('auto');
  });
});
