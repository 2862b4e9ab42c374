import { Deadline } from '../primitives';
import { withSlot } from './with-slot';

/** The styled tool-output countdown; `data-state` ok | soon | expired drives its colour. */
export const DeadlineView = withSlot(Deadline.Root, 'deadline');
