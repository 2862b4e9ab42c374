// Zoom to a time range: pure geometry (zoomedBar, clampZoom, zoomBy, zoomToRow, ticks), the
// ZoomControls, and a 10 000-step run that stays virtualized while zoomed.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { clampZoom, RunTimeline, timelineLayout, timelineTicks, zoomBy, zoomedBar, zoomToRow, type TimelineZoom } from '../../src/primitives';
import './cleanup';
import { emulatedRun, type EmulatedRun } from './RunTimeline.emulated';

let big: EmulatedRun;
beforeAll(async () => {
  big = await emulatedRun({ scenario: 'bulk', metadata: { 'emulator.steps': '10000' } });
}, 120_000);

describe('zoom geometry', () => {
  it('places a bar within the range, clipping it at the edges it crosses', () => {
    const layout = timelineLayout(big.run, big.steps, 0);
    const row = layout.rows.find((candidate) => candidate.endMs - candidate.startMs >= 1000)!;
    const mid = (row.startMs + row.endMs) / 2;
    expect(zoomedBar(row, null)).toEqual({ leftPercent: row.leftPercent, widthPercent: row.widthPercent, clipped: undefined });
    // The range is the bar's span, doubled around it: the bar sits in the middle half.
    const span = row.endMs - row.startMs;
    expect(zoomedBar(row, { startMs: row.startMs - span / 2, endMs: row.endMs + span / 2 })).toEqual({ leftPercent: 25, widthPercent: 50, clipped: undefined });
    expect(zoomedBar(row, { startMs: mid, endMs: row.endMs + span })).toMatchObject({ leftPercent: 0, clipped: 'start' });
    const cutEnd = zoomedBar(row, { startMs: row.startMs - span, endMs: mid });
    expect(cutEnd.clipped).toBe('end');
    expect(cutEnd.leftPercent).toBeCloseTo(200 / 3);
    expect(cutEnd.widthPercent).toBeCloseTo(100 / 3);
    expect(zoomedBar(row, { startMs: mid - 1, endMs: mid + 1 })).toEqual({ leftPercent: 0, widthPercent: 100, clipped: 'both' });
    expect(zoomedBar(row, { startMs: row.endMs + 1, endMs: row.endMs + 10 })).toEqual({ leftPercent: 0, widthPercent: 0, clipped: 'before' });
    expect(zoomedBar(row, { startMs: row.startMs - 10, endMs: row.startMs - 1 })).toEqual({ leftPercent: 100, widthPercent: 0, clipped: 'after' });
  });

  it('keeps a range inside the run and at least 1 ms wide; the whole run is null', () => {
    const layout = timelineLayout(big.run, big.steps, 0);
    const { startMs, endMs, durationMs } = layout;
    expect(clampZoom(layout, null)).toBeNull();
    expect(clampZoom(layout, { startMs: startMs - 5, endMs: endMs + 5 })).toBeNull();
    expect(clampZoom(layout, { startMs: startMs - 1000, endMs: startMs + 1000 })).toEqual({ startMs, endMs: startMs + 2000 });
    expect(clampZoom(layout, { startMs: endMs - 500, endMs: endMs + 500 })).toEqual({ startMs: endMs - 1000, endMs });
    expect(clampZoom(layout, { startMs: startMs + 10, endMs: startMs + 10 })).toEqual({ startMs: startMs + 10, endMs: startMs + 11 });
    const half = zoomBy(layout, null, 0.5)!;
    expect(half.endMs - half.startMs).toBe(durationMs / 2);
    expect((half.startMs + half.endMs) / 2).toBe(startMs + durationMs / 2);
    expect(zoomBy(layout, zoomBy(layout, half, 0.5), 4)).toBeNull();
    const row = layout.rows[0]!;
    const around = zoomToRow(layout, row)!;
    expect(around.startMs).toBeLessThanOrEqual(row.startMs);
    expect(around.endMs).toBeGreaterThan(row.endMs);
    expect(around.endMs - around.startMs).toBeLessThan(durationMs);
  });

  it('puts round ticks, as offsets from the run start, inside the shown range', () => {
    const layout = timelineLayout(big.run, big.steps, 0);
    const ticks = timelineTicks(layout, null, 5);
    expect(ticks[0]).toEqual({ offsetMs: 0, percent: 0 });
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    expect(ticks.length).toBeLessThanOrEqual(6);
    const step = ticks[1]!.offsetMs;
    expect(String(step)).toMatch(/^[125]0*$/);
    const zoom: TimelineZoom = { startMs: layout.startMs + 1500, endMs: layout.startMs + 2500 };
    const zoomed = timelineTicks(layout, zoom, 5);
    expect(zoomed.map((tick) => tick.offsetMs)).toEqual([1600, 1800, 2000, 2200, 2400]);
    expect(zoomed[0]!.percent).toBeCloseTo(10);
  });

  it('lays out 10 000 steps in linear time', () => {
    expect(big.steps.length).toBe(10_001);
    timelineLayout(big.run, big.steps, 0);
    const started = performance.now();
    for (let i = 0; i < 5; i++) timelineLayout(big.run, big.steps, i);
    // Five layouts of 10 001 rows: a few ms each on any machine that runs the suite.
    expect((performance.now() - started) / 5).toBeLessThan(50);
  });
});

describe('RunTimeline.ZoomControls', () => {
  it('zooms 10 000 steps in, to the selected step, out and back to fit, mounting only a window of rows', async () => {
    const user = userEvent.setup();
    const onZoomChange = vi.fn();
    const layout = timelineLayout(big.run, big.steps, 0);
    render(
      <RunTimeline.Root run={big.run} steps={big.steps} onZoomChange={onZoomChange} defaultSelectedStepId={big.steps[3]!.id}>
        <RunTimeline.ZoomControls />
        <RunTimeline.Axis />
        <RunTimeline.List style={{ height: 300 }}>
          <RunTimeline.Bars />
        </RunTimeline.List>
      </RunTimeline.Root>,
    );
    const zoom = within(screen.getByRole('group', { name: 'Zoom' }));
    const button = (name: string) => zoom.getByRole('button', { name });
    expect(button('Fit')).toHaveAttribute('aria-disabled', 'true');
    expect(button('Zoom out')).toHaveAttribute('aria-disabled', 'true');
    expect(within(screen.getByRole('listbox')).getAllByRole('option').length).toBeLessThan(60);

    await user.click(button('Zoom in'));
    expect(onZoomChange).toHaveBeenLastCalledWith({ startMs: layout.startMs + layout.durationMs / 4, endMs: layout.endMs - layout.durationMs / 4 });
    // The first steps are before the range: still listed, drawn at the left edge.
    const first = screen.getAllByRole('option')[0]!;
    expect(first).toHaveAttribute('data-clipped', 'before');
    expect(first.style.width).toBe('0%');
    expect(button('Fit')).not.toHaveAttribute('aria-disabled');

    await user.click(button('Zoom to step'));
    const row = layout.rows[3]!;
    const toStep = onZoomChange.mock.lastCall![0] as TimelineZoom;
    expect(toStep).toEqual(zoomToRow(layout, row));
    const selected = screen.getByRole('option', { selected: true });
    expect(selected).not.toHaveAttribute('data-clipped');
    // A bulk step starts and ends in the same second: an instant, given a 1 s range around it (kept inside the run).
    expect(row.durationMs).toBe(0);
    expect(toStep.endMs - toStep.startMs).toBe(1000);
    expect(Number.parseFloat(selected.style.left)).toBeCloseTo(((row.startMs - toStep.startMs) / 1000) * 100);
    // The axis follows the range.
    const ticks = document.querySelectorAll('[data-part="tick"]');
    expect(ticks.length).toBeGreaterThan(1);

    await user.click(button('Zoom out'));
    expect(onZoomChange.mock.lastCall![0].endMs - onZoomChange.mock.lastCall![0].startMs).toBeCloseTo((toStep.endMs - toStep.startMs) * 2);
    await user.click(button('Fit'));
    expect(onZoomChange).toHaveBeenLastCalledWith(null);
    expect(screen.getAllByRole('option')[0]).not.toHaveAttribute('data-clipped');
    expect(within(screen.getByRole('listbox')).getAllByRole('option').length).toBeLessThan(60);
  });

  it('follows a controlled zoom; Zoom to step waits for a selection', async () => {
    const user = userEvent.setup();
    const onZoomChange = vi.fn();
    const layout = timelineLayout(big.run, big.steps, 0);
    const range = { startMs: layout.startMs, endMs: layout.startMs + 1000 };
    render(
      <RunTimeline.Root run={big.run} steps={big.steps} zoom={range} onZoomChange={onZoomChange}>
        <RunTimeline.ZoomControls />
        <RunTimeline.List style={{ height: 300 }}>
          <RunTimeline.Bars />
        </RunTimeline.List>
      </RunTimeline.Root>,
    );
    expect(screen.getByRole('button', { name: 'Zoom to step' })).toHaveAttribute('aria-disabled', 'true');
    await user.click(screen.getByRole('button', { name: 'Zoom to step' }));
    expect(onZoomChange).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Fit' }));
    expect(onZoomChange).toHaveBeenCalledWith(null);
    // Controlled: still the given range until the owner changes it.
    expect(screen.getByRole('button', { name: 'Fit' })).not.toHaveAttribute('aria-disabled');
  });
});
