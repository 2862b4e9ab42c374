'use client';

import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { useRunTimelineContext } from './RunTimelineContext.js';
import { zoomBy, zoomToRow } from './zoom.js';

export interface RunTimelineZoomControlsProps extends ComponentPropsWithoutRef<'div'> {}

/**
 * A `role="group"` ("Zoom") of four buttons: "Zoom in" (half the range, around the selected bar
 * when it is in view), "Zoom out", "Fit" (the whole run) and "Zoom to step" (the selected bar).
 * A button with nothing to do is `aria-disabled` (not `disabled`, which would drop its focus).
 * Children go after the buttons.
 */
export const RunTimelineZoomControls = forwardRef<HTMLDivElement, RunTimelineZoomControlsProps>(function RunTimelineZoomControls(
  { children, ...props },
  ref,
) {
  const { layout, zoom, setZoom, selectedStepId, rowsById } = useRunTimelineContext('ZoomControls');
  const selected = selectedStepId ? rowsById.get(selectedStepId) : undefined;
  const canZoomIn = layout.durationMs > 1 && (!zoom || zoom.endMs - zoom.startMs > 1);
  const selectedCenter = selected && zoom && selected.endMs >= zoom.startMs && selected.startMs <= zoom.endMs ? (selected.startMs + selected.endMs) / 2 : undefined;
  const buttons = [
    { part: 'zoom-in', label: 'Zoom in', enabled: canZoomIn, run: () => setZoom(zoomBy(layout, zoom, 0.5, selectedCenter)) },
    { part: 'zoom-out', label: 'Zoom out', enabled: zoom !== null, run: () => setZoom(zoomBy(layout, zoom, 2)) },
    { part: 'fit', label: 'Fit', enabled: zoom !== null, run: () => setZoom(null) },
    { part: 'zoom-to-step', label: 'Zoom to step', enabled: selected !== undefined, run: () => selected && setZoom(zoomToRow(layout, selected)) },
  ];
  return (
    <div role="group" aria-label="Zoom" data-zoomed={zoom ? '' : undefined} {...props} ref={ref}>
      {buttons.map((button) => (
        <button
          key={button.part}
          type="button"
          data-part={button.part}
          aria-disabled={button.enabled ? undefined : true}
          onClick={() => button.enabled && button.run()}
        >
          {button.label}
        </button>
      ))}
      {children}
    </div>
  );
});
RunTimelineZoomControls.displayName = 'RunTimeline.ZoomControls';
