export { DeadlineRoot as Root } from './DeadlineRoot.js';
