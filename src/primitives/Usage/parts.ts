export { UsageRoot as Root } from './UsageRoot';
