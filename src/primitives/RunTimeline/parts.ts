export { RunTimelineRoot as Root } from './RunTimelineRoot.js';
export { RunTimelineBars as Bars } from './RunTimelineBars.js';
export { RunTimelineBar as Bar } from './RunTimelineBar.js';
export { RunTimelineDuration as Duration } from './RunTimelineDuration.js';
