export * as RunTimeline from './parts.js';
export { timelineLayout, type TimelineLayout, type TimelineRow } from './timelineLayout.js';
export { formatDuration } from './formatDuration.js';
export { runDurationMs, runEnd, type RunEnd } from './runEnd.js';
export type { RunTimelineRootProps } from './RunTimelineRoot.js';
export type { RunTimelineBarsProps } from './RunTimelineBars.js';
export type { RunTimelineBarProps } from './RunTimelineBar.js';
export type { RunTimelineDurationProps } from './RunTimelineDuration.js';
