export { OpenRunFile, type OpenRunFileProps } from './OpenRunFile.js';
export { RunBundleViewer, type ReplayClientFactory, type RunBundleViewerProps } from './RunBundleViewer.js';
