export { UsageRoot as Root } from './UsageRoot.js';
