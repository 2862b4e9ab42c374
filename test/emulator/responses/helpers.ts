import type OpenAI from 'openai';

export { driveClock, tick } from '../helpers';

/** Collects every event of a stream (copies, as they arrive). */
export async function collect(stream: AsyncIterable<OpenAI.Responses.ResponseStreamEvent>): Promise<OpenAI.Responses.ResponseStreamEvent[]> {
  const events: OpenAI.Responses.ResponseStreamEvent[] = [];
  for await (const event of stream) events.push(structuredClone(event));
  return events;
}

/** The output_text of a response's message items, joined. */
export const messageText = (response: OpenAI.Responses.Response): string =>
  response.output
    .flatMap((item) => (item.type === 'message' ? item.content : []))
    .map((part) => (part.type === 'output_text' ? part.text : ''))
    .join('');

export const scenario = (name: string, extra: Record<string, string> = {}): Record<string, string> => ({ 'emulator.scenario': name, ...extra });

/** The response as served: the SDK adds `output_text` on create and retrieve (not on cancel). */
export const served = (response: OpenAI.Responses.Response): Omit<OpenAI.Responses.Response, 'output_text'> => {
  const { output_text: _added, ...rest } = response;
  return rest;
};
