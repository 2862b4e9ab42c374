export * as ToolOutputsForm from './parts';
export { fieldsFromSchema, type EnumValue, type FieldKind, type FieldSpec } from './fieldsFromSchema';
export {
  initialFieldValues,
  validateFields,
  validateRawOutput,
  type FieldValues,
  type FieldsValidation,
  type RawFormat,
} from './validateFields';
export { planCalls, type CallPlan, type OutputSchemas } from './callPlan';
export type { ToolOutputsFormRootProps } from './ToolOutputsFormRoot';
export type { ToolOutputsFormCallProps } from './ToolOutputsFormCall';
export type { ToolOutputsFormSubmitProps } from './ToolOutputsFormSubmit';
