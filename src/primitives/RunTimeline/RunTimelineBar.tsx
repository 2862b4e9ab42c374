'use client';

import { forwardRef, useContext, useRef, type ComponentPropsWithoutRef } from 'react';
import type { RunStep } from '../../api/schemas/run-step.js';
import { composeEventHandlers } from '../internal/composeEventHandlers.js';
import { useComposedRefs } from '../internal/useComposedRefs.js';
import { useIsomorphicLayoutEffect } from '../internal/useIsomorphicLayoutEffect.js';
import { RunTimelineCalls } from './RunTimelineCalls.js';
import { RunTimelineBarContext, RunTimelineListContext, useRunTimelineContext } from './RunTimelineContext.js';
import { RunTimelineDuration } from './RunTimelineDuration.js';
import { RunTimelineLabel } from './RunTimelineLabel.js';
import { barDomId } from './RunTimelineList.js';
import { callSubRows } from './rowSize.js';
import { zoomedBar } from './zoom.js';

// Read by screen readers, not drawn (inline so the headless part needs no stylesheet).
const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  margin: -1,
  padding: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
} as const;

export interface RunTimelineBarProps extends ComponentPropsWithoutRef<'div'> {
  step: RunStep;
}

/**
 * One step's bar: a `role="option"` named by its content plus its status (visually hidden), like
 * "get_weather ×2, get_forecast 1.2 s (completed)" (pass `aria-label` if your content says less), placed with
 * inline `left`/`width` percentages of the run (or of the zoomed range; `data-clipped` when the
 * range cuts it). `aria-selected` and `data-selected` when its step is selected; click, Enter or
 * Space select it; hover or focus shows the Root's tooltip. Data: `data-state` (step status),
 * `data-step-type`, `data-live`, `data-calls` (parallel calls), `data-align` (`end` for bars
 * starting in the right half: overflow their label leftwards). Children default to its Label and
 * Duration in a `data-part="line"` span, then (after the hidden status) one sub-row per parallel call (`RunTimeline.Calls`).
 */
export const RunTimelineBar = forwardRef<HTMLDivElement, RunTimelineBarProps>(function RunTimelineBar(
  { step, style, children, onClick, onKeyDown, onFocus, onBlur, onMouseEnter, onMouseLeave, ...props },
  forwardedRef,
) {
  const context = useRunTimelineContext('Bar');
  const list = useContext(RunTimelineListContext);
  const elementRef = useRef<HTMLDivElement | null>(null);
  const ref = useComposedRefs<HTMLDivElement>(forwardedRef, elementRef);
  const row = context.rowsById.get(step.id);
  const index = context.indexOf(step.id);
  const { leftPercent, widthPercent, clipped } = row ? zoomedBar(row, context.zoom) : { leftPercent: 0, widthPercent: 0, clipped: undefined };
  const selected = context.selectedStepId === step.id;
  const calls = callSubRows(step);
  const described = context.hasTooltip && context.tip?.stepId === step.id;

  // Keyboard moves into rows not rendered yet: the bar takes focus as soon as it is mounted.
  useIsomorphicLayoutEffect(() => {
    if (context.pendingFocus.current !== step.id) return;
    context.pendingFocus.current = null;
    elementRef.current?.focus();
  });

  return (
    <RunTimelineBarContext.Provider value={row ?? null}>
      <div
        role="option"
        id={list ? barDomId(list.listId, index) : undefined}
        aria-selected={selected}
        aria-describedby={described ? context.tooltipId : undefined}
        tabIndex={context.tabStopId === step.id ? 0 : -1}
        data-state={step.status}
        data-step-type={step.step_details.type}
        data-step-id={step.id}
        data-live={row?.live ? '' : undefined}
        data-selected={selected ? '' : undefined}
        data-clipped={clipped}
        // Which way a label longer than its bar should overflow: into the list, not past its edge.
        data-align={leftPercent > 50 ? 'end' : 'start'}
        data-calls={calls || undefined}
        {...props}
        ref={ref}
        style={{ position: 'relative', left: `${leftPercent}%`, width: `${widthPercent}%`, ...style }}
        onClick={composeEventHandlers(onClick, () => context.select(step.id))}
        onKeyDown={composeEventHandlers(onKeyDown, (event) => {
          if (event.key !== 'Enter' && event.key !== ' ') return;
          event.preventDefault();
          context.select(step.id);
        })}
        onFocus={composeEventHandlers(onFocus, (event) => {
          context.setActiveStepId(step.id);
          context.showTip(step.id, event.currentTarget, 'focus');
        })}
        onBlur={composeEventHandlers(onBlur, () => context.hideTip('focus'))}
        onMouseEnter={composeEventHandlers(onMouseEnter, (event) => context.showTip(step.id, event.currentTarget, 'hover'))}
        onMouseLeave={composeEventHandlers(onMouseLeave, () => context.hideTip('hover'))}
      >
        {children ?? (
          <span data-part="line">
            <RunTimelineLabel /> <RunTimelineDuration />
          </span>
        )}
        {/* The status in words for assistive tech; sighted users get the colour and pattern. */}
        {' '}
        <span data-part="status-text" style={visuallyHidden}>{`(${step.status.replace(/_/g, ' ')})`}</span>
        {/* After the status, so the default name reads "get_weather ×2, get_forecast 1 s (completed)". */}
        {children === undefined && <RunTimelineCalls />}
      </div>
    </RunTimelineBarContext.Provider>
  );
});
RunTimelineBar.displayName = 'RunTimeline.Bar';
