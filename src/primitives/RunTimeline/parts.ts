export { RunTimelineRoot as Root } from './RunTimelineRoot';
export { RunTimelineBars as Bars } from './RunTimelineBars';
export { RunTimelineBar as Bar } from './RunTimelineBar';
export { RunTimelineDuration as Duration } from './RunTimelineDuration';
