// Plain shapes of the objects the emulator serves, written from the spec's component schemas
// (RunObject, RunStepObject, MessageObject, AssistantObject, ThreadObject). Kept local so the
// emulator does not depend on `src/api/`, which validates the same objects from the other side.

export type Metadata = Record<string, string>;
export type JsonSchema = Record<string, unknown>;

export type RunStatus =
  | 'queued'
  | 'in_progress'
  | 'requires_action'
  | 'cancelling'
  | 'cancelled'
  | 'failed'
  | 'completed'
  | 'incomplete'
  | 'expired';
export type TerminalRunStatus = Extract<RunStatus, 'cancelled' | 'failed' | 'completed' | 'incomplete' | 'expired'>;
export type StepStatus = 'in_progress' | 'cancelled' | 'failed' | 'completed' | 'expired';

export const terminalRunStatuses: readonly RunStatus[] = ['cancelled', 'failed', 'completed', 'incomplete', 'expired'];
export const isTerminal = (status: RunStatus): status is TerminalRunStatus => terminalRunStatuses.includes(status);

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

export interface FunctionTool {
  type: 'function';
  function: { name: string; description?: string; parameters?: JsonSchema; strict?: boolean | null };
}
export interface FileSearchRankingOptions {
  ranker: 'auto' | 'default_2024_08_21';
  score_threshold: number;
}
export interface FileSearchTool {
  type: 'file_search';
  file_search?: { max_num_results?: number; ranking_options?: Partial<FileSearchRankingOptions> };
}
export type Tool = { type: 'code_interpreter' } | FileSearchTool | FunctionTool;

export interface AssistantObject {
  id: string;
  object: 'assistant';
  created_at: number;
  name: string | null;
  description: string | null;
  model: string;
  instructions: string | null;
  tools: Tool[];
  tool_resources: Record<string, unknown> | null;
  metadata: Metadata;
  temperature: number | null;
  top_p: number | null;
  response_format: unknown;
}

export interface ThreadObject {
  id: string;
  object: 'thread';
  created_at: number;
  tool_resources: Record<string, unknown> | null;
  metadata: Metadata;
}

export interface TextAnnotation {
  type: 'file_citation';
  text: string;
  file_citation: { file_id: string };
  start_index: number;
  end_index: number;
}
export type MessageContent =
  | { type: 'text'; text: { value: string; annotations: TextAnnotation[] } }
  | { type: 'image_file'; image_file: { file_id: string; detail?: 'auto' | 'low' | 'high' } }
  | { type: 'image_url'; image_url: { url: string; detail?: 'auto' | 'low' | 'high' } };

export interface MessageObject {
  id: string;
  object: 'thread.message';
  created_at: number;
  thread_id: string;
  status: 'in_progress' | 'incomplete' | 'completed';
  incomplete_details: { reason: 'content_filter' | 'max_tokens' | 'run_cancelled' | 'run_expired' | 'run_failed' } | null;
  completed_at: number | null;
  incomplete_at: number | null;
  role: 'user' | 'assistant';
  content: MessageContent[];
  assistant_id: string | null;
  run_id: string | null;
  attachments: unknown[] | null;
  metadata: Metadata;
}

export interface FunctionToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string; output: string | null };
}
export type CodeOutput = { type: 'logs'; logs: string } | { type: 'image'; image: { file_id: string } };
export interface CodeToolCall {
  id: string;
  type: 'code_interpreter';
  code_interpreter: { input: string; outputs: CodeOutput[] };
}
export interface FileSearchResult {
  file_id: string;
  file_name: string;
  score: number;
  content?: { type: 'text'; text: string }[];
}
export interface FileSearchToolCall {
  id: string;
  type: 'file_search';
  file_search: { ranking_options?: FileSearchRankingOptions; results?: FileSearchResult[] };
}
export type ToolCall = FunctionToolCall | CodeToolCall | FileSearchToolCall;

export type StepDetails =
  | { type: 'message_creation'; message_creation: { message_id: string } }
  | { type: 'tool_calls'; tool_calls: ToolCall[] };

export interface LastError {
  code: 'server_error' | 'rate_limit_exceeded' | 'invalid_prompt';
  message: string;
}

export interface RunStepObject {
  id: string;
  object: 'thread.run.step';
  created_at: number;
  assistant_id: string;
  thread_id: string;
  run_id: string;
  type: StepDetails['type'];
  status: StepStatus;
  step_details: StepDetails;
  last_error: LastError | null;
  expired_at: number | null;
  cancelled_at: number | null;
  failed_at: number | null;
  completed_at: number | null;
  metadata: Metadata;
  usage: Usage | null;
}

export interface RequiredToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export interface RunObject {
  id: string;
  object: 'thread.run';
  created_at: number;
  thread_id: string;
  assistant_id: string;
  status: RunStatus;
  required_action: { type: 'submit_tool_outputs'; submit_tool_outputs: { tool_calls: RequiredToolCall[] } } | null;
  last_error: LastError | null;
  expires_at: number | null;
  started_at: number | null;
  cancelled_at: number | null;
  failed_at: number | null;
  completed_at: number | null;
  incomplete_details: { reason: 'max_completion_tokens' | 'max_prompt_tokens' } | null;
  model: string;
  instructions: string;
  tools: Tool[];
  metadata: Metadata;
  usage: Usage | null;
  temperature: number | null;
  top_p: number | null;
  max_prompt_tokens: number | null;
  max_completion_tokens: number | null;
  truncation_strategy: { type: 'auto' | 'last_messages'; last_messages: number | null };
  tool_choice: unknown;
  parallel_tool_calls: boolean;
  response_format: unknown;
}

export interface ListPage<T> {
  object: 'list';
  data: T[];
  first_id: string | null;
  last_id: string | null;
  has_more: boolean;
}

/** One server-sent event as the API names it, with the object as it was at that moment. */
export interface StreamEvent {
  event: string;
  data: unknown;
}
