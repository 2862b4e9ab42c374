export * as RunTimeline from './parts';
export { timelineLayout, type TimelineLayout, type TimelineRow } from './timelineLayout';
export { formatDuration } from './formatDuration';
export type { RunTimelineRootProps } from './RunTimelineRoot';
export type { RunTimelineBarsProps } from './RunTimelineBars';
export type { RunTimelineBarProps } from './RunTimelineBar';
export type { RunTimelineDurationProps } from './RunTimelineDuration';
