'use client';

import { Deadline } from '../primitives/index.js';
import { withSlot } from './with-slot.js';

/** The styled tool-output countdown; `data-state` ok | soon | expired drives its colour. */
export const DeadlineView = withSlot(Deadline.Root, 'deadline');
