export * as ToolCall from './parts';
export { prettyJson, formatJsonText } from './prettyJson';
export { ResolveFileUrlContext, type ResolveFileUrl } from './ToolCallContext';
export type { ToolCallRootProps } from './ToolCallRoot';
export type { FunctionCallProps } from './FunctionCall';
export type { CodeInterpreterCallProps } from './CodeInterpreterCall';
export type { FileSearchCallProps } from './FileSearchCall';
export type { UnknownCallProps } from './UnknownCall';
export type { JsonBlockProps } from './JsonBlock';
