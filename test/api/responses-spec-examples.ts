import { readFileSync } from 'node:fs';

// The examples written into the Responses spec (vendored at spec/ in the repo, so the tests do not
// reach outside the repository).

interface OaiExample {
  title?: string;
  response?: string;
}
interface Spec {
  paths: Record<string, Record<string, { 'x-oaiMeta'?: { examples?: OaiExample | OaiExample[] } }>>;
  components: { schemas: Record<string, { example?: unknown; anyOf?: { $ref: string }[]; 'x-oaiMeta'?: { example?: string } }> };
}

const spec = JSON.parse(readFileSync(new URL('../../spec/responses.openapi.json', import.meta.url), 'utf8')) as Spec;

/** The example of a component schema, as text when the spec wrote it in `x-oaiMeta`. */
export function responsesSchemaExample(name: string): unknown {
  const schema = spec.components.schemas[name];
  const example = schema?.example ?? schema?.['x-oaiMeta']?.example;
  if (example === undefined) throw new Error(`The spec has no example for ${name}`);
  return example;
}

/** The schema names `ResponseStreamEvent` lists that come with an example (a few, the shell events, have none). */
export function streamEventSchemaNames(): string[] {
  return (spec.components.schemas.ResponseStreamEvent?.anyOf ?? [])
    .map(({ $ref }) => $ref.split('/').at(-1) as string)
    .filter((name) => spec.components.schemas[name]?.['x-oaiMeta']?.example !== undefined);
}

/** Every response example of every operation, as text, with `METHOD /path title`. */
export function responsesOperationExamples(): { title: string; response: string }[] {
  return Object.entries(spec.paths).flatMap(([path, methods]) =>
    Object.entries(methods).flatMap(([method, operation]) => {
      const examples = operation['x-oaiMeta']?.examples;
      const list = Array.isArray(examples) ? examples : examples ? [examples] : [];
      return list.flatMap((example) =>
        example.response ? [{ title: `${method.toUpperCase()} ${path} ${example.title ?? ''}`.trim(), response: example.response }] : [],
      );
    }),
  );
}
