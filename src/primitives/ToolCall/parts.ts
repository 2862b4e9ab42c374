export { ToolCallRoot as Root } from './ToolCallRoot';
export { FunctionCall as Function } from './FunctionCall';
export { CodeInterpreterCall as CodeInterpreter } from './CodeInterpreterCall';
export { FileSearchCall as FileSearch } from './FileSearchCall';
export { UnknownCall as Unknown } from './UnknownCall';
export { JsonBlock as Json } from './JsonBlock';
