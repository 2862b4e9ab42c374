import { RunStatus } from '../primitives';
import { withSlot } from './with-slot';

/** `RunStatus.Root` styled as a pill; its colour comes from `[data-state]` in styles.css. */
export const RunStatusBadge = withSlot(RunStatus.Root, 'run-status');
