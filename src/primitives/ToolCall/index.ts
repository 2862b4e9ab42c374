export * as ToolCall from './parts.js';
export { prettyJson, formatJsonText } from './prettyJson.js';
export { ResolveFileUrlContext, type ResolveFileUrl } from './ToolCallContext.js';
export type { ToolCallRootProps } from './ToolCallRoot.js';
export type { FunctionCallProps } from './FunctionCall.js';
export type { CodeInterpreterCallProps } from './CodeInterpreterCall.js';
export type { FileSearchCallProps } from './FileSearchCall.js';
export type { UnknownCallProps } from './UnknownCall.js';
export type { JsonBlockProps } from './JsonBlock.js';
