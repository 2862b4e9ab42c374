// Labels and parallel-call sub-rows, on runs the emulator made.
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RunTimeline, stepCalls, stepLabel } from '../../src/primitives';
import './cleanup';
import { emulatedRun } from './RunTimeline.emulated';

describe('RunTimeline labels', () => {
  it('names each bar by what its step is: tool names, then "Message"', async () => {
    const { run, steps } = await emulatedRun({ scenario: 'code_interpreter' });
    expect(steps.map(stepLabel)).toEqual(['code_interpreter', 'Message']);
    render(
      <RunTimeline.Root run={run} steps={steps}>
        <RunTimeline.Bars />
      </RunTimeline.Root>,
    );
    const bars = within(screen.getByRole('listbox', { name: 'Run timeline' })).getAllByRole('option');
    expect(bars.map((bar) => bar.querySelector('[data-part="step-label"]')?.textContent)).toEqual(['code_interpreter', 'Message']);
    expect(bars[0]).toHaveAccessibleName(/^code_interpreter [\d.]+ (ms|s) \(completed\)$/);
    expect(bars[1]).toHaveAccessibleName(/^Message [\d.]+ (ms|s) \(completed\)$/);
  });

  it('labels file_search, and a failed step with its status', async () => {
    const search = await emulatedRun({ scenario: 'file_search' });
    expect(search.steps.map(stepLabel)).toEqual(['file_search', 'Message']);
    const failed = await emulatedRun({ scenario: 'fail' });
    render(
      <RunTimeline.Root run={failed.run} steps={failed.steps}>
        <RunTimeline.Bars />
      </RunTimeline.Root>,
    );
    const bar = screen.getByRole('option', { name: /^Message .* \(failed\)$/ });
    expect(bar).toHaveAttribute('data-state', 'failed');
  });

  it('shows parallel calls as thin sub-rows inside their step’s option, counted in the label', async () => {
    const { run, steps } = await emulatedRun({ scenario: 'function_call', metadata: { 'emulator.parallel': '3' }, answer: '{"ok":true}' });
    const tools = steps.find((step) => step.type === 'tool_calls')!;
    // The demo assistant's calls alternate between its two functions; repeats are counted.
    expect(stepCalls(tools).map((call) => call.name)).toEqual(['get_weather', 'get_forecast', 'get_weather']);
    expect(stepLabel(tools)).toBe('get_weather ×2, get_forecast');
    render(
      <RunTimeline.Root run={run} steps={steps} virtualize rowHeight={28} callRowHeight={16}>
        <RunTimeline.List style={{ height: 200 }}>
          <RunTimeline.Bars />
        </RunTimeline.List>
      </RunTimeline.Root>,
    );
    const option = screen.getByRole('option', { name: /^get_weather ×2, get_forecast [\d.]+ m?s \(completed\)$/ });
    expect(option).toHaveAttribute('data-calls', '3');
    const calls = option.querySelectorAll('[data-part="call"]');
    expect([...calls].map((call) => call.textContent)).toEqual(['get_weather', 'get_forecast', 'get_weather']);
    // Virtualized rows are sized for their sub-rows: 28 + 3 × 16, and the next row starts below.
    const rows = [...document.querySelectorAll<HTMLElement>('[data-index]')];
    expect(rows[0]!.style.height).toBe('76px');
    expect(rows[1]!.style.transform).toBe('translateY(76px)');
    // A message step has no sub-rows.
    expect(screen.getByRole('option', { name: /^Message / }).querySelector('[data-part="calls"]')).toBeNull();
  });

  it('Label and Calls take custom content', async () => {
    const { run, steps } = await emulatedRun({ scenario: 'function_call', metadata: { 'emulator.parallel': '2' }, answer: 'done' });
    render(
      <RunTimeline.Root run={run} steps={steps}>
        <RunTimeline.Bars>
          {(step) => (
            <RunTimeline.Bar step={step}>
              <RunTimeline.Label className="label" />
              <RunTimeline.Calls>{(call, index) => `${index + 1}. ${call.name}`}</RunTimeline.Calls>
            </RunTimeline.Bar>
          )}
        </RunTimeline.Bars>
      </RunTimeline.Root>,
    );
    // Custom content names the bar, then the hidden status.
    const option = screen.getByRole('option', { name: /^get_weather, get_forecast \(completed\)$/ });
    expect(option.querySelector('.label')).toHaveTextContent('get_weather, get_forecast');
    expect(option).toHaveTextContent('1. get_weather2. get_forecast');
  });
});
