'use client';

import { RunStepList } from '../primitives/index.js';
import { withSlot } from './with-slot.js';

/** The styled, virtualized step list; the Root is the fixed-height scroll container (styles.css). */
export const RunStepListView = Object.assign(withSlot(RunStepList.Root, 'run-step-list'), {
  Items: RunStepList.Items,
});
