export * as ToolOutputsForm from './parts.js';
export { fieldsFromSchema, type EnumValue, type FieldKind, type FieldSpec } from './fieldsFromSchema.js';
export {
  initialFieldValues,
  validateFields,
  type FieldValues,
  type FieldsValidation,
} from './validateFields.js';
export { jsonHintOf, validateTextOutput, type JsonHint } from './textOutput.js';
export { planCalls, type CallPlan, type OutputSchemas } from './callPlan.js';
export type { ToolOutputsFormRootProps } from './ToolOutputsFormRoot.js';
export type { ToolOutputsFormCallProps } from './ToolOutputsFormCall.js';
export type { ToolOutputsFormSubmitProps } from './ToolOutputsFormSubmit.js';
