// The one tooltip of the timeline: what it says, and that hover and keyboard focus both reach it.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatDuration, formatTokens, RunTimeline, stepLabel } from '../../src/primitives';
import { expectNoAxeViolations } from './axe';
import './cleanup';
import { emulatedRun, type EmulatedRun } from './RunTimeline.emulated';

let bulk: EmulatedRun;
beforeAll(async () => {
  bulk = await emulatedRun({ scenario: 'bulk', metadata: { 'emulator.steps': '5' } });
});

const prices = (model: string) => ({ [model]: { promptPerMillion: 1000, completionPerMillion: 5000 } });

describe('RunTimeline.Tooltip', () => {
  it('shows the hovered bar’s start offset, duration, tokens and cost, and describes that bar', async () => {
    const user = userEvent.setup();
    const { container } = render(
      <main>
        <RunTimeline.Root run={bulk.run} steps={bulk.steps} prices={prices(bulk.run.model)}>
          <RunTimeline.ZoomControls />
          <RunTimeline.Axis />
          <RunTimeline.Bars />
          <RunTimeline.Tooltip />
        </RunTimeline.Root>
      </main>,
    );
    const tooltip = screen.getByRole('tooltip', { hidden: true });
    expect(tooltip).not.toBeVisible();
    const step = bulk.steps[3]!;
    const bar = screen.getAllByRole('option')[3]!;
    await user.hover(bar);
    expect(tooltip).toBeVisible();
    expect(bar).toHaveAttribute('aria-describedby', tooltip.id);
    expect(screen.getAllByRole('option').filter((option) => option.hasAttribute('aria-describedby'))).toEqual([bar]);
    const usage = step.usage!;
    expect(usage).toMatchObject({ prompt_tokens: 20, completion_tokens: 8 });
    const part = (name: string) => tooltip.querySelector(`[data-line="${name}"] [data-part="value"]`)?.textContent;
    expect(part('label')).toBe(stepLabel(step));
    expect(part('start')).toBe(`+${formatDuration((step.created_at - bulk.run.created_at) * 1000)}`);
    expect(part('duration')).toBe(formatDuration(((step.completed_at ?? step.created_at) - step.created_at) * 1000));
    expect(part('tokens')).toBe(`${formatTokens(usage.total_tokens)} (20 prompt, 8 completion)`);
    // (20 × 1000 + 8 × 5000) / 1e6
    expect(part('cost')).toBe('$0.06');
    // Every part together, tooltip open, passes axe (contrast is the Chromium stories' job).
    await expectNoAxeViolations(container);
    expect(bar).toHaveAccessibleDescription(/Starts \+.* Duration .* Tokens 28 \(20 prompt, 8 completion\) Cost \$0\.06/);
    await user.unhover(bar);
    expect(tooltip).not.toBeVisible();
    expect(bar).not.toHaveAttribute('aria-describedby');
    // One tooltip element for the whole list.
    expect(screen.getAllByRole('tooltip', { hidden: true })).toHaveLength(1);
  });

  it('shows for the focused bar, follows the keyboard, and Escape hides it; no cost without a price', async () => {
    const user = userEvent.setup();
    render(
      <RunTimeline.Root run={bulk.run} steps={bulk.steps}>
        <RunTimeline.Bars />
        <RunTimeline.Tooltip className="tip" />
      </RunTimeline.Root>,
    );
    await user.tab();
    const tooltip = screen.getByRole('tooltip');
    expect(tooltip).toHaveClass('tip');
    expect(document.activeElement).toHaveAttribute('aria-describedby', tooltip.id);
    const label = () => tooltip.querySelector('[data-line="label"] [data-part="value"]')?.textContent;
    expect(label()).toBe(stepLabel(bulk.steps[0]!));
    expect(document.activeElement).toHaveAccessibleDescription(/^Step .* Status completed Starts \+\d+ m?s Duration \d+ m?s Tokens 28/);
    expect(tooltip.querySelector('[data-line="cost"]')).toBeNull();
    await user.keyboard('{ArrowDown}');
    expect(label()).toBe(stepLabel(bulk.steps[1]!));
    expect(tooltip.style.position).toBe('fixed');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('tooltip')).toBeNull();
    await user.tab();
    expect(document.activeElement).not.toHaveAttribute('aria-describedby');
  });

  it('takes custom content, and bars describe nothing without a Tooltip', async () => {
    const user = userEvent.setup();
    const { unmount } = render(
      <RunTimeline.Root run={bulk.run} steps={bulk.steps}>
        <RunTimeline.Bars />
        <RunTimeline.Tooltip>{(row) => `${row.step.id} took ${row.durationMs} ms`}</RunTimeline.Tooltip>
      </RunTimeline.Root>,
    );
    await user.hover(screen.getAllByRole('option')[0]!);
    expect(screen.getByRole('tooltip')).toHaveTextContent(new RegExp(`^${bulk.steps[0]!.id} took \\d+ ms$`));
    unmount();
    render(
      <RunTimeline.Root run={bulk.run} steps={bulk.steps}>
        <RunTimeline.Bars />
      </RunTimeline.Root>,
    );
    await user.hover(screen.getAllByRole('option')[0]!);
    expect(screen.getAllByRole('option')[0]).not.toHaveAttribute('aria-describedby');
  });
});
