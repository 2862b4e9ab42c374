import { Usage } from '../primitives';
import { withSlot } from './with-slot';

/** The styled token/cost `<dl>`. */
export const UsageView = withSlot(Usage.Root, 'usage');
