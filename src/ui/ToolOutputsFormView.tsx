'use client';

import { ToolOutputsForm } from '../primitives/index.js';
import { withSlot } from './with-slot.js';

// Calls renders no element of its own, so it passes through unwrapped.
/**
 * The styled tool-outputs form: per call a fieldset with its arguments beside an output textarea
 * (JSON hint, Pretty-print) or, with `outputSchemas`, fields and a Raw toggle; one submit button.
 */
export const ToolOutputsFormView = Object.assign(withSlot(ToolOutputsForm.Root, 'tool-outputs-form'), {
  Calls: ToolOutputsForm.Calls,
  Call: withSlot(ToolOutputsForm.Call, 'tool-outputs-form-call'),
  Submit: withSlot(ToolOutputsForm.Submit, 'tool-outputs-form-submit'),
});
