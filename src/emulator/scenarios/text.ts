import type { RunRecord } from '../store.js';
import type { MessageObject } from '../types.js';

/** Rough token count (≈ 4 characters a token), enough for believable usage numbers. */
export const estimateTokens = (text: string): number => Math.max(1, Math.ceil(text.length / 4));

function messageText(message: MessageObject): string {
  return message.content.map((part) => (part.type === 'text' ? part.text.value : '')).join(' ');
}

/** Tokens the run "read": instructions plus the thread's messages so far. */
export function promptTokens(record: RunRecord): number {
  const thread = record.thread.messages.map(messageText).join('\n');
  return 40 + estimateTokens(record.object.instructions) + Math.min(estimateTokens(thread), 8000);
}

/** The latest user message, shortened, to make replies feel like answers. */
export function topicOf(record: RunRecord): string {
  const last = [...record.thread.messages].reverse().find((m) => m.role === 'user');
  const text = last ? messageText(last).trim().replace(/\s+/g, ' ') : '';
  if (!text) return 'your question';
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** Splits text into about `count` pieces on word boundaries; joined, they give the text back. */
export function chunkText(text: string, count: number): string[] {
  const words = text.match(/\S+\s*|\s+/g) ?? [text];
  const size = Math.max(1, Math.ceil(words.length / Math.max(1, count)));
  const chunks: string[] = [];
  for (let i = 0; i < words.length; i += size) chunks.push(words.slice(i, i + size).join(''));
  return chunks.length > 0 ? chunks : [''];
}

export const replies = {
  message: (record: RunRecord): string =>
    `Here is a short answer to “${topicOf(record)}”. The emulator writes this reply in several chunks, ` +
    'the way the Assistants API streamed text, so you can watch it arrive.',
  afterTools: (record: RunRecord): string => {
    const outputs = record.toolOutputs.map((o) => (o.output.length > 80 ? `${o.output.slice(0, 77)}…` : o.output));
    return `I called ${outputs.length} tool${outputs.length === 1 ? '' : 's'} and got back: ${outputs.join('; ')}. Based on that, here is my answer to “${topicOf(record)}”.`;
  },
  codeInterpreter: (): string =>
    'I ran the code and plotted sin(x) from 0 to 10. Its maximum is 1.00, reached near x = 1.56; the chart is attached.',
  fileSearch: (fileName: string, marker: string): string =>
    `According to ${fileName}, a run moves from queued to in_progress and then to a terminal status${marker}. ` +
    'Runs that need tool outputs pause in requires_action until you submit them.',
  fail: (): string => 'Let me look into that for you. I am checking the latest figures and',
  incomplete: (record: RunRecord): string =>
    `Here is a detailed answer to “${topicOf(record)}”. First, the run starts queued; then it moves to in_progress; ` +
    'then the model keeps writing until it reaches the max_completion_tokens limit and the text stops in the middle of a',
  bulk: (record: RunRecord): string => `Done: ${record.settings.steps} steps for “${topicOf(record)}”.`,
  slow: (record: RunRecord): string =>
    `This is a deliberately slow answer to “${topicOf(record)}”. It takes about two minutes to write, ` +
    'a few words every few seconds, so there is plenty of time to watch the run stay in_progress, to see the ' +
    'message grow while you poll it, and to press cancel and watch the run go through cancelling to cancelled. ' +
    'If you let it finish, it completes like any other run, with usage counted over its single message step.',
};

/** Cuts text into `count` slices of about equal length (for JSON arguments, which have no words). */
export function sliceText(text: string, count: number): string[] {
  const size = Math.max(1, Math.ceil(text.length / Math.max(1, count)));
  const slices: string[] = [];
  for (let i = 0; i < text.length; i += size) slices.push(text.slice(i, i + size));
  return slices;
}
