import { readFileSync } from 'node:fs';

// The examples written into the spec (vendored at spec/ in the repo, so the tests do not reach
// outside the repository).

interface OaiExample {
  title?: string;
  response?: string;
}
interface Spec {
  paths: Record<string, Record<string, { 'x-oaiMeta'?: { examples?: OaiExample | OaiExample[] } }>>;
  components: { schemas: Record<string, { 'x-oaiMeta'?: { example?: string } }> };
}

const spec = JSON.parse(readFileSync(new URL('../../spec/assistants.openapi.json', import.meta.url), 'utf8')) as Spec;

/** The JSON example of a component schema, e.g. `RunObject`. */
export function schemaExample(name: string): unknown {
  const text = spec.components.schemas[name]?.['x-oaiMeta']?.example;
  if (!text) throw new Error(`The spec has no example for ${name}`);
  return JSON.parse(text);
}

/** Every response example of one operation, as text, with its title. */
export function operationExamples(path: string, method: string): { title: string; response: string }[] {
  const examples = spec.paths[path]?.[method]?.['x-oaiMeta']?.examples;
  const list = Array.isArray(examples) ? examples : examples ? [examples] : [];
  return list.flatMap((example) =>
    example.response
      ? [{ title: `${method.toUpperCase()} ${path} ${example.title ?? ''}`.trim(), response: example.response }]
      : [],
  );
}

/** Every operation example whose response is JSON (not an SSE stream), across the runs paths. */
export function jsonOperationExamples(pathPrefix: string): { title: string; json: unknown }[] {
  return Object.keys(spec.paths)
    .filter((path) => path.startsWith(pathPrefix))
    .flatMap((path) => Object.keys(spec.paths[path] ?? {}).flatMap((method) => operationExamples(path, method)))
    .filter((example) => !example.response.trimStart().startsWith('event:'))
    .map((example) => ({ title: example.title, json: JSON.parse(example.response) as unknown }));
}

/** Every SSE example in the spec. */
export function sseExamples(): { title: string; response: string }[] {
  return Object.keys(spec.paths)
    .flatMap((path) => Object.keys(spec.paths[path] ?? {}).flatMap((method) => operationExamples(path, method)))
    .filter((example) => example.response.trimStart().startsWith('event:'));
}

/**
 * The frames of an SSE example as `{ event, data }` text. The spec's examples are hand-written and
 * carry typos a real stream would not: `...` lines standing for elided events, one event whose
 * JSON line lacks its `data: ` prefix, and run objects closed by one `}` too many. Those are read
 * as intended, and counted in `repaired` so a test can say how many it had to fix.
 */
export function parseSseExample(text: string): { frames: { event: string; data: string }[]; repaired: number } {
  const frames: { event: string; data: string }[] = [];
  let repaired = 0;
  for (const block of text.split(/\n\s*\n/)) {
    const lines = block.split('\n').filter((line) => line.trim() !== '' && line.trim() !== '...');
    const event = lines.find((line) => line.startsWith('event: '))?.slice('event: '.length);
    if (event === undefined) continue;
    let data = lines.find((line) => line.startsWith('data: '))?.slice('data: '.length);
    if (data === undefined) {
      data = lines.find((line) => line.startsWith('{'));
      repaired++;
    }
    if (data === undefined) throw new Error(`SSE example frame without data: ${block}`);
    if (data !== '[DONE]' && !isJson(data) && data.endsWith('}}') && isJson(data.slice(0, -1))) {
      data = data.slice(0, -1);
      repaired++;
    }
    frames.push({ event, data });
  }
  return { frames, repaired };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
