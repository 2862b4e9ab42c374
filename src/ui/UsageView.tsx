'use client';

import { Usage } from '../primitives/index.js';
import { withSlot } from './with-slot.js';

/** The styled token/cost `<dl>`. */
export const UsageView = withSlot(Usage.Root, 'usage');
