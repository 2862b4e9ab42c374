'use client';

import { RunStatus } from '../primitives/index.js';
import { withSlot } from './with-slot.js';

/** `RunStatus.Root` styled as a pill; its colour comes from `[data-state]` in styles.css. */
export const RunStatusBadge = withSlot(RunStatus.Root, 'run-status');
