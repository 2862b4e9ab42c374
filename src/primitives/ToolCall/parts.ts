export { ToolCallRoot as Root } from './ToolCallRoot.js';
export { FunctionCall as Function } from './FunctionCall.js';
export { CodeInterpreterCall as CodeInterpreter } from './CodeInterpreterCall.js';
export { FileSearchCall as FileSearch } from './FileSearchCall.js';
export { UnknownCall as Unknown } from './UnknownCall.js';
export { JsonBlock as Json } from './JsonBlock.js';
