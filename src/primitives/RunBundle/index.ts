export { runBundleToMarkdown, type RunBundleMarkdownOptions } from './markdown.js';
