import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite';
import { useEffect, useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { Run } from '../src/core';
import { useRunSteps } from '../src/react';
import { RunTimelineView } from '../src/ui';
import { backendOf, runOf, statusPlans, withEmulator, type StoryBackend } from './support';
import { contrastRatio, parseColour, worstTextContrast } from './support/contrast';

// The waterfall of a run's steps, from emulator runs: labelled bars, parallel calls as sub-rows, a
// colour and a pattern per status, selection by keyboard, a tooltip, zoom. Each story is an axe test.

/** The story's prices, so the tooltip shows a cost. */
const prices = { 'gpt-4o': { promptPerMillion: 2.5, completionPerMillion: 10 } };

function Waterfall({ run, backend }: { run: Run; backend: StoryBackend }) {
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <RunTimelineView
      run={run}
      steps={backend.steps}
      now={backend.clock.now()}
      prices={prices}
      selectedStepId={selected}
      onSelectedStepIdChange={setSelected}
      style={{ maxWidth: 720 }}
    >
      <RunTimelineView.ZoomControls />
      <RunTimelineView.Axis />
      <RunTimelineView.List>
        <RunTimelineView.Bars />
      </RunTimelineView.List>
      <RunTimelineView.Tooltip />
      <output data-testid="selected">{selected ?? 'none'}</output>
    </RunTimelineView>
  );
}

const meta = {
  title: 'Components/RunTimelineView',
  component: RunTimelineView,
  args: { run: undefined as never, steps: [] },
  argTypes: { run: { control: false }, steps: { control: false } },
  render: (_args, context) => <Waterfall run={runOf(context)} backend={backendOf(context)} />,
} satisfies Meta<typeof RunTimelineView>;
export default meta;
type Story = StoryObj<typeof meta>;

const waterfallOf = (canvasElement: HTMLElement) => within(canvasElement).getByRole('listbox', { name: 'Run timeline' });

/** A function call, answered, then the message: bars say what they are. */
export const LabelledBars: Story = {
  ...withEmulator({ scenario: 'function_call', answer: '{"ok":true}', metadata: { 'emulator.parallel': '1' } }),
  play: async ({ canvasElement }) => {
    const bars = within(waterfallOf(canvasElement)).getAllByRole('option');
    await expect(bars).toHaveLength(2);
    await expect(bars[0]).toHaveAccessibleName(/^get_weather [\d.]+ m?s \(completed\)$/);
    await expect(bars[0]).toHaveTextContent(/^get_weather \d/);
    await expect(bars[1]).toHaveAccessibleName(/^Message [\d.]+ m?s \(completed\)$/);
  },
};

export const LabelledBarsDark: Story = { ...LabelledBars, globals: { theme: 'dark' } };

/** Three parallel calls in one step: one thin sub-row per call, inside the step's option. */
export const ParallelCalls: Story = {
  ...withEmulator({ scenario: 'function_call', answer: '{"ok":true}', metadata: { 'emulator.parallel': '3' } }),
  play: async ({ canvasElement }) => {
    const bar = within(waterfallOf(canvasElement)).getByRole('option', { name: /^get_weather ×2, get_forecast [\d.]+ m?s \(completed\)$/ });
    const calls = bar.querySelectorAll('[data-part="call"]');
    await expect([...calls].map((call) => call.textContent)).toEqual(['get_weather', 'get_forecast', 'get_weather']);
    // Each sub-row is inside the bar, below its line.
    await expect(calls[2]!.getBoundingClientRect().bottom).toBeLessThanOrEqual(bar.getBoundingClientRect().bottom + 0.5);
  },
};

export const ParallelCallsDark: Story = { ...ParallelCalls, globals: { theme: 'dark' } };

/** One run per step status on one thread; each run's own waterfall. */
function EveryStatusWaterfalls({ backend }: { backend: StoryBackend }) {
  return (
    <div style={{ display: 'grid', gap: 16, maxWidth: 720 }}>
      {[...backend.runs].reverse().map((run) => (
        <RunWaterfall key={run.id} threadId={backend.threadId} run={run} now={backend.clock.now()} />
      ))}
    </div>
  );
}

function RunWaterfall({ threadId, run, now }: { threadId: string; run: Run; now: number }) {
  const { steps } = useRunSteps(threadId, run.id, { order: 'asc', limit: 100 });
  if (steps.length === 0) return null;
  return (
    <section aria-label={`Run ${run.status}`}>
      <RunTimelineView run={run} steps={steps} now={now} label={`Run timeline (${run.status})`}>
        <RunTimelineView.Bars />
      </RunTimelineView>
    </section>
  );
}

const stepStatusRuns = [statusPlans.completed, statusPlans.failed, statusPlans.cancelled, statusPlans.expired, statusPlans.in_progress];

/** Completed (solid), failed (hatched), cancelled and expired (dashed outline), in progress (moving stripes and a pulsing ring). */
export const EveryStatus: Story = {
  ...withEmulator({ runs: stepStatusRuns }),
  render: (_args, context) => <EveryStatusWaterfalls backend={backendOf(context)} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    for (const status of ['completed', 'failed', 'cancelled', 'expired', 'in_progress']) {
      await waitFor(() => expect(canvasElement.querySelector(`[role="option"][data-state="${status}"]`)).not.toBeNull(), { timeout: 10_000 });
    }
    const style = (status: string, pseudo?: string) => getComputedStyle(canvasElement.querySelector(`[role="option"][data-state="${status}"]`)!, pseudo);
    // A pattern, not colour alone (a live bar's stripes are a layer behind its text).
    await expect(style('failed').backgroundImage).toMatch(/repeating-linear-gradient/);
    await expect(style('in_progress', '::before').backgroundImage).toMatch(/repeating-linear-gradient/);
    await expect(style('cancelled').borderTopStyle).toBe('dashed');
    await expect(style('expired').borderTopStyle).toBe('dashed');
    await expect(style('completed').backgroundImage).toBe('none');
    // Every bar's text keeps AA on its fill and pattern.
    for (const label of canvasElement.querySelectorAll('[role="option"] [data-part="step-label"]')) await expect(worstTextContrast(label)).toBeGreaterThanOrEqual(4.5);
    await expect(canvas.getAllByRole('listbox')).toHaveLength(5);
  },
};

export const EveryStatusDark: Story = { ...EveryStatus, globals: { theme: 'dark' } };

/** The run's step still going, drawn to the emulator's clock: moving the clock grows the bar. */
function LiveWaterfall({ run, backend }: { run: Run; backend: StoryBackend }) {
  const [now, setNow] = useState(() => backend.clock.now());
  useEffect(() => {
    // Reads the manual clock; the emulator's time moves only when the story moves it.
    const timer = setInterval(() => setNow(backend.clock.now()), 50);
    return () => clearInterval(timer);
  }, [backend]);
  return (
    <RunTimelineView run={run} steps={backend.steps} now={now} style={{ maxWidth: 720 }}>
      <RunTimelineView.Bars />
    </RunTimelineView>
  );
}

export const LiveRun: Story = {
  ...withEmulator({ scenario: 'slow', advanceMs: 30_000 }),
  render: (_args, context) => <LiveWaterfall run={runOf(context)} backend={backendOf(context)} />,
  play: async ({ canvasElement, loaded }) => {
    const backend = (loaded as StoryContext['loaded']).backend as StoryBackend;
    const bar = within(waterfallOf(canvasElement)).getByRole('option', { name: /^Message [\d.]+ m?s \(in progress\)$/ });
    await expect(bar).toHaveAttribute('data-live', '');
    const seconds = () => Number.parseFloat(bar.querySelector('[data-part="duration"]')!.textContent!);
    const before = seconds();
    backend.manualClock!.advance(20_000);
    // The bar's duration (text and name) follows the clock.
    await waitFor(() => expect(seconds()).toBeCloseTo(before + 20, 0));
    await expect(bar).toHaveAccessibleName(new RegExp(`^Message ${seconds()} s \\(in progress\\)$`));
  },
};

export const LiveRunDark: Story = { ...LiveRun, globals: { theme: 'dark' } };

/**
 * The in-progress bar animates (stripes move, a ring pulses) and its text keeps ≥ 4.5:1 through
 * the whole animation: every animation is paused at 0, 25, 50 and 75 % of its duration and the
 * label's and duration's colours are measured against every colour the bar paints behind them.
 */
const contrastThroughAnimation: Story['play'] = async ({ canvasElement }) => {
  // The helper agrees with axe: muted dark-theme text on the completed fill is the 3.58:1 axe reported (truncated).
  await expect(Math.floor(contrastRatio(parseColour('rgb(156, 163, 175)'), parseColour('rgb(20, 83, 45)')) * 100) / 100).toBe(3.58);
  const bar = within(waterfallOf(canvasElement)).getByRole('option', { name: /\(in progress\)$/ });
  const animations = bar.getAnimations({ subtree: true });
  // The stripes (on the bar) and the ring (its ::after); none with reduced motion.
  if (!matchMedia('(prefers-reduced-motion: reduce)').matches) await expect(animations.length).toBeGreaterThanOrEqual(2);
  const texts = [bar.querySelector('[data-part="step-label"]')!, bar.querySelector('[data-part="duration"]')!];
  for (const fraction of [0, 0.25, 0.5, 0.75]) {
    for (const animation of animations) {
      animation.pause();
      animation.currentTime = Number(animation.effect?.getComputedTiming().duration ?? 0) * fraction;
    }
    for (const text of texts) await expect(worstTextContrast(text)).toBeGreaterThanOrEqual(4.5);
  }
};

export const InProgressContrast: Story = {
  ...withEmulator({ scenario: 'slow', advanceMs: 30_000 }),
  play: contrastThroughAnimation,
};

export const InProgressContrastDark: Story = { ...InProgressContrast, globals: { theme: 'dark' } };

/** Keyboard only: Tab into the waterfall, arrows move focus, Enter selects, the tooltip follows focus. */
export const KeyboardSelection: Story = {
  ...withEmulator({ scenario: 'code_interpreter' }),
  play: async ({ canvasElement }) => {
    const list = waterfallOf(canvasElement);
    const bars = within(list).getAllByRole('option');
    // Tab passes the zoom buttons, then lands on the waterfall's one tab stop: the first bar.
    for (let i = 0; i < 5 && document.activeElement !== bars[0]; i++) await userEvent.tab();
    await expect(bars[0]).toHaveFocus();
    await expect(within(canvasElement).getByRole('tooltip')).toHaveTextContent(/code_interpreter/);
    await expect(bars[0]).toHaveAttribute('aria-describedby', within(canvasElement).getByRole('tooltip').id);
    await userEvent.keyboard('{ArrowDown}');
    await expect(bars[1]).toHaveFocus();
    // Focus is visible: the focus outline, outside the selection ring.
    await expect(getComputedStyle(bars[1]!).outlineStyle).toBe('solid');
    await expect(Number.parseFloat(getComputedStyle(bars[1]!).outlineWidth)).toBeGreaterThanOrEqual(2);
    await userEvent.keyboard('{Enter}');
    await expect(bars[1]).toHaveAttribute('aria-selected', 'true');
    await expect(bars[0]).toHaveAttribute('aria-selected', 'false');
    await expect(within(canvasElement).getByTestId('selected')).toHaveTextContent(bars[1]!.dataset.stepId!);
    await userEvent.keyboard('{Home} ');
    await expect(bars[0]).toHaveAttribute('aria-selected', 'true');
    await expect(bars[0]).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    await expect(within(canvasElement).queryByRole('tooltip')).toBeNull();
    // One tab stop: Tab leaves the waterfall.
    await userEvent.tab();
    await expect(list.contains(document.activeElement)).toBe(false);
  },
};

export const KeyboardSelectionDark: Story = { ...KeyboardSelection, globals: { theme: 'dark' } };

/** 10 000 steps, virtualized; zoom in, to the selected step, and fit; End reaches the last bar. */
export const TenThousandStepsZoom: Story = {
  ...withEmulator({ scenario: 'bulk', metadata: { 'emulator.steps': '10000' } }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = waterfallOf(canvasElement);
    await expect(within(list).getAllByRole('option').length).toBeLessThan(60);
    await userEvent.click(canvas.getByRole('button', { name: 'Zoom in' }));
    await waitFor(() => expect(within(list).getAllByRole('option')[0]).toHaveAttribute('data-clipped', 'before'));
    await userEvent.click(within(list).getAllByRole('option')[2]!);
    await userEvent.click(canvas.getByRole('button', { name: 'Zoom to step' }));
    await expect(within(list).getByRole('option', { selected: true })).not.toHaveAttribute('data-clipped');
    await userEvent.click(canvas.getByRole('button', { name: 'Fit' }));
    await expect(within(list).getAllByRole('option')[0]).not.toHaveAttribute('data-clipped');
    within(list).getByRole('option', { selected: true }).focus();
    await userEvent.keyboard('{End}');
    await waitFor(() => expect(document.activeElement).toHaveAccessibleName(/^Message /));
    await expect(within(list).getAllByRole('option').length).toBeLessThan(60);
  },
};

export const TenThousandStepsZoomDark: Story = { ...TenThousandStepsZoom, globals: { theme: 'dark' } };
