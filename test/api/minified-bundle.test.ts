import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import type { AssistantStreamEvent, RunsClient } from '../../src/core';
import { demoIds } from '../../src/emulator';
import { advanceUntil, startStreamingBackend } from '../support/streaming-backend';

// A production bundle renames classes. The client and the SDK bundled and minified together must
// still tell the backend's SSE `error` event from a cut connection, and an abort from both.

const dir = mkdtempSync(join(tmpdir(), 'runlens-minified-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function minifiedClient(): Promise<{ create(baseURL: string): RunsClient; sdkClassNames: string[] }> {
  const entry = join(dir, 'entry.ts');
  const outfile = join(dir, 'bundle.mjs');
  const source = `
    import OpenAI from 'openai';
    import { createAssistantsRunsClient } from ${JSON.stringify(join(import.meta.dirname, '../../src/backends/assistants/index.ts'))};
    export const sdkClassNames = [OpenAI.APIError.name, OpenAI.APIConnectionError.name, OpenAI.APIUserAbortError.name];
    export const create = (baseURL) =>
      createAssistantsRunsClient(new OpenAI({ baseURL, apiKey: 'sk-test', maxRetries: 0, dangerouslyAllowBrowser: true }));
  `;
  await import('node:fs/promises').then((fs) => fs.writeFile(entry, source));
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    nodePaths: [join(import.meta.dirname, '../../node_modules')],
    logLevel: 'silent',
  });
  return import(pathToFileURL(outfile).href);
}

describe('a minified production bundle', () => {
  it("still yields the backend's error event, not a cut connection", async () => {
    const bundled = await minifiedClient();
    // The premise: the minifier really renamed the SDK's error classes.
    expect(bundled.sdkClassNames).not.toContain('APIError');

    const backend = await startStreamingBackend();
    const client = bundled.create(backend.proxy.url);
    const threadId = (await backend.openai.beta.threads.create({})).id;
    backend.proxy.arm({ kind: 'error', afterFrames: 4, error: { message: 'Overloaded.', type: 'server_error', code: 'overloaded' } });

    const events: AssistantStreamEvent[] = [];
    let outcome: 'ended' | { error: unknown } | undefined;
    void (async () => {
      for await (const event of client.createRunStream(threadId, { assistant_id: demoIds.assistants.message })) events.push(event);
    })().then(
      () => (outcome = 'ended'),
      (error: unknown) => (outcome = { error }),
    );
    await advanceUntil(backend.clock, () => outcome !== undefined, 'the stream to end');
    expect(outcome).toBe('ended');
    expect(events.at(-1)).toEqual({ event: 'error', data: { message: 'Overloaded.', type: 'server_error', param: null, code: 'overloaded' } });
  });

  it('reports an abort as an AbortError and a refused connection as connection_error', async () => {
    const bundled = await minifiedClient();
    const aborted = new AbortController();
    aborted.abort();
    await expect(bundled.create('http://127.0.0.1:9/v1').getRun('thread_1', 'run_1', { signal: aborted.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    await expect(bundled.create('http://127.0.0.1:9/v1').getRun('thread_1', 'run_1')).rejects.toMatchObject({
      status: null,
      type: 'connection_error',
    });
  });
});
