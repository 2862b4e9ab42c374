'use client';

import { forwardRef, useCallback, useId, useImperativeHandle, useMemo, useRef, useState, type ComponentPropsWithoutRef, type Ref } from 'react';
import type { Run } from '../../api/schemas/run.js';
import type { RunStep } from '../../api/schemas/run-step.js';
import type { ModelPrice } from '../Usage/formatUsage.js';
import { useControllableState } from '../internal/useControllableState.js';
import { shouldVirtualize, type VirtualListProps } from '../internal/virtualList.js';
import { RunTimelineContext, type RunTimelineContextValue, type TimelineListApi, type TimelineTip } from './RunTimelineContext.js';
import { timelineLayout, timelineNeedsNow } from './timelineLayout.js';
import { clampZoom, type TimelineZoom } from './zoom.js';

/** `RunTimeline.Root`'s imperative handle (`handleRef`). */
export interface RunTimelineHandle {
  /** Scrolls the step's bar into view (mounting it when virtualized) and focuses it; false if the step is not in `steps`. */
  focusStep(stepId: string): boolean;
  /** Scrolls the step's bar into view without moving focus; false if the step is not in `steps`. */
  scrollToStep(stepId: string): boolean;
}

export interface RunTimelineRootProps extends ComponentPropsWithoutRef<'div'>, VirtualListProps {
  run: Run;
  /** The run's steps, in display order. */
  steps: readonly RunStep[];
  /**
   * Current time in ms, the end of live bars; pass a ticking value to animate them.
   * @default Date.now() at render
   */
  now?: number;
  /**
   * Height of one bar row in px (rows are fixed-height when virtualized).
   * @default 28
   */
  rowHeight?: number;
  /**
   * Height in px of each call's sub-row under a tool_calls step with more than one call.
   * @default 16
   */
  callRowHeight?: number;
  /**
   * Accessible name of the listbox.
   * @default 'Run timeline'
   */
  label?: string;
  /** The selected step (controlled); null for none. Changing it scrolls its bar into view. */
  selectedStepId?: string | null;
  /** The step selected at first when uncontrolled. @default null */
  defaultSelectedStepId?: string | null;
  /** Called with the step a click, Enter or Space selected (controlled or not). */
  onSelectedStepIdChange?(stepId: string): void;
  /** The same call as `onSelectedStepIdChange` (the name the trace design uses). */
  onSelectStep?(stepId: string): void;
  /** The time range shown (controlled), absolute ms like the steps'; null shows the whole run. */
  zoom?: TimelineZoom | null;
  /** The range shown at first when uncontrolled. @default null */
  defaultZoom?: TimelineZoom | null;
  /** Called with the new range (null = fit) from `RunTimeline.ZoomControls`. */
  onZoomChange?(zoom: TimelineZoom | null): void;
  /** Model whose price the tooltip's cost uses. @default run.model */
  model?: string;
  /** Per-model prices per million tokens (as `Usage`'s); the tooltip shows a step's cost when the model has one. */
  prices?: Record<string, ModelPrice>;
  /** ISO 4217 code the prices are in. @default 'USD' */
  currency?: string;
  /** Imperative handle: `focusStep(stepId)` / `scrollToStep(stepId)` ("jump from the step to its bar"). */
  handleRef?: Ref<RunTimelineHandle>;
}

/**
 * A waterfall of a run's steps. The Root holds the state (selection, zoom, the tooltip's target)
 * and wraps the parts: `RunTimeline.List` (the `role="listbox"` scroll container; `Bars` makes one
 * when used directly), `Tooltip`, `ZoomControls`, `Axis`. `data-state` is the run's status.
 */
export const RunTimelineRoot = forwardRef<HTMLDivElement, RunTimelineRootProps>(function RunTimelineRoot(
  {
    run,
    steps,
    now,
    virtualize,
    rowHeight = 28,
    callRowHeight = 16,
    label = 'Run timeline',
    onEndReached,
    endReachedThreshold = 10,
    selectedStepId: selectedProp,
    defaultSelectedStepId = null,
    onSelectedStepIdChange,
    onSelectStep,
    zoom: zoomProp,
    defaultZoom = null,
    onZoomChange,
    model,
    prices,
    currency = 'USD',
    handleRef,
    children,
    ...props
  },
  ref,
) {
  // `now` only matters while the run or a step is still going; once all ended, a ticking `now`
  // (or the Date.now() default, new on every render) must not recompute every step's bar.
  const layoutNow = timelineNeedsNow(run, steps) ? (now ?? Date.now()) : 0;
  const layout = useMemo(() => timelineLayout(run, steps, layoutNow), [run, steps, layoutNow]);
  const rowsById = useMemo(() => new Map(layout.rows.map((row) => [row.step.id, row])), [layout]);
  // Row indexes change only with the steps, not with every tick of `now`.
  const indexById = useMemo(() => new Map(steps.map((step, index) => [step.id, index])), [steps]);
  const indexOf = useCallback((stepId: string | null | undefined) => (stepId == null ? -1 : (indexById.get(stepId) ?? -1)), [indexById]);

  const onSelect = useCallback(
    (stepId: string | null) => {
      if (stepId === null) return;
      onSelectedStepIdChange?.(stepId);
      onSelectStep?.(stepId);
    },
    [onSelectedStepIdChange, onSelectStep],
  );
  const [selectedStepId, setSelected] = useControllableState<string | null>(selectedProp, defaultSelectedStepId, onSelect);
  const [zoomValue, setZoomValue] = useControllableState<TimelineZoom | null>(zoomProp, defaultZoom, onZoomChange);
  const zoom = clampZoom(layout, zoomValue);
  const [activeStepId, setActiveStepId] = useState<string | null>(null);
  // A new selection (from a bar or from outside) becomes the tab stop.
  const [previousSelected, setPreviousSelected] = useState(selectedStepId);
  if (previousSelected !== selectedStepId) {
    setPreviousSelected(selectedStepId);
    if (selectedStepId !== null) setActiveStepId(selectedStepId);
  }
  const tabStopId = indexById.has(activeStepId ?? '') ? activeStepId : indexById.has(selectedStepId ?? '') ? selectedStepId : (steps[0]?.id ?? null);
  const select = useCallback(
    (stepId: string) => {
      setActiveStepId(stepId);
      setSelected(stepId);
    },
    [setSelected],
  );

  const [tip, setTip] = useState<TimelineTip | null>(null);
  const showTip = useCallback((stepId: string, element: HTMLElement, source: TimelineTip['source']) => {
    const rect = element.getBoundingClientRect();
    setTip({ stepId, source, top: rect.bottom + 4, left: Math.max(rect.left, 0) });
  }, []);
  // A hover ending does not hide the tooltip a focused bar shows, and the other way round.
  const hideTip = useCallback((source?: TimelineTip['source']) => setTip((current) => (!current || (source && current.source !== source) ? current : null)), []);
  const tooltipId = `${useId()}-tooltip`;
  const [hasTooltip, setHasTooltip] = useState(false);
  const pendingFocus = useRef<string | null>(null);
  const list = useRef<TimelineListApi | null>(null);

  useImperativeHandle(
    handleRef,
    () => ({
      focusStep(stepId) {
        const index = indexOf(stepId);
        if (index < 0) return false;
        list.current?.focusIndex(index);
        return true;
      },
      scrollToStep(stepId) {
        const index = indexOf(stepId);
        if (index < 0) return false;
        list.current?.scrollToIndex(index);
        return true;
      },
    }),
    [indexOf],
  );

  const virtualized = shouldVirtualize(virtualize, steps.length);
  const context = useMemo<RunTimelineContextValue>(
    () => ({
      run,
      layout,
      steps,
      rowsById,
      indexOf,
      virtualize: virtualized,
      rowHeight,
      callRowHeight,
      onEndReached,
      endReachedThreshold,
      label,
      selectedStepId,
      select,
      tabStopId,
      setActiveStepId,
      pendingFocus,
      zoom,
      setZoom: setZoomValue,
      tip,
      showTip,
      hideTip,
      tooltipId,
      hasTooltip,
      setHasTooltip,
      model: model ?? run.model,
      prices,
      currency,
      list,
    }),
    // zoom is a new object per render when clamped: compare its numbers.
    [run, layout, steps, rowsById, indexOf, virtualized, rowHeight, callRowHeight, onEndReached, endReachedThreshold, label, selectedStepId, select, tabStopId, zoom?.startMs, zoom?.endMs, setZoomValue, tip, showTip, hideTip, tooltipId, hasTooltip, model, prices, currency],
  );
  return (
    <RunTimelineContext.Provider value={context}>
      <div data-state={run.status} data-zoomed={zoom ? '' : undefined} {...props} ref={ref}>
        {children}
      </div>
    </RunTimelineContext.Provider>
  );
});
RunTimelineRoot.displayName = 'RunTimeline.Root';
