export { RunStatusRoot as Root } from './RunStatusRoot.js';
