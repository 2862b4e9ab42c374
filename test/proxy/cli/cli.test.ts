import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, createSystemClock, demoIds } from '../../../src/emulator';
import { serveEmulator, type ServedEmulator } from '../../../src/emulator/node';
import { parseProxyCliArgs } from '../../../src/proxy/cli';
import { runProxyCli, waitForOutput } from './proxy-cli-process';

// The `runlens-proxy` bin, spawned as a user runs it, in front of an emulator served over HTTP:
// the URL it prints works through the official SDK with no key, the upstream gets the server's key
// and nothing the client sent in its place, and it refuses to start on a missing key or a bad flag.

const serverKey = 'sk-cli-test-SERVER-3d9e1a';
let upstream: ServedEmulator;
/** The Authorization header of every request the emulator received. */
const upstreamAuthorizations: (string | null)[] = [];

beforeAll(async () => {
  const emulator = createEmulator({ clock: createSystemClock({ speed: 10 }) });
  const recording = {
    ...emulator,
    handle: (request: Request) => {
      upstreamAuthorizations.push(request.headers.get('authorization'));
      return emulator.handle(request);
    },
  };
  upstream = await serveEmulator(recording, { port: 0 });
});
afterAll(() => upstream?.close());

/** Starts the CLI in front of the emulator and resolves with the /v1 URL it printed. */
async function startProxy(extraArgs: string[]) {
  const cli = runProxyCli(['--upstream', upstream.url, '--port', '0', ...extraArgs], serverKey);
  const [, url] = await waitForOutput(() => cli.output().stdout + cli.output().stderr, /listening on (http:\/\/127\.0\.0\.1:\d+\/v1)/);
  return { cli, url: url! };
}

describe('runlens-proxy CLI', () => {
  it('prints a URL the SDK uses with no key, and the upstream gets only the server key', async () => {
    const { cli, url } = await startProxy(['--backend', 'assistants']);
    expect(cli.output().stdout).toContain(`new OpenAI({ baseURL: '${url}', apiKey: 'unused-in-browser', dangerouslyAllowBrowser: true })`);
    upstreamAuthorizations.length = 0;
    const openai = new OpenAI({ baseURL: url, apiKey: 'unused-in-browser', maxRetries: 0 });
    const assistant = await openai.beta.assistants.retrieve(demoIds.assistants.function_call);
    expect(assistant.metadata).toMatchObject({ 'emulator.parallel': '2' });
    const runs = await openai.beta.threads.runs.list(demoIds.threads.statuses);
    expect(runs.data.map((run) => run.status)).toContain('completed');
    expect(upstreamAuthorizations).toEqual([`Bearer ${serverKey}`, `Bearer ${serverKey}`]);

    // A route runlens does not use never reaches the upstream.
    await expect(openai.beta.threads.create()).rejects.toMatchObject({ status: 404 });
    expect(upstreamAuthorizations).toHaveLength(2);

    // No --allow-origin: no CORS headers, whatever the page's origin.
    const fromPage = await fetch(`${url}/assistants/${demoIds.assistants.message}`, { headers: { origin: 'http://localhost:5173' } });
    expect(fromPage.status).toBe(200);
    expect(fromPage.headers.get('access-control-allow-origin')).toBeNull();

    const { stdout, stderr } = cli.output();
    expect(stdout + stderr).not.toContain(serverKey);
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
  }, 30_000);

  it('forwards the Responses and Conversations routes by default', async () => {
    const { cli, url } = await startProxy([]);
    expect(cli.output().stdout).toMatch(/Forwarding the responses routes/);
    const openai = new OpenAI({ baseURL: url, apiKey: 'unused-in-browser', maxRetries: 0 });
    const conversation = await openai.conversations.create({ metadata: { topic: 'cli' } });
    expect((await openai.conversations.retrieve(conversation.id)).metadata).toEqual({ topic: 'cli' });
    const response = await openai.responses.create({ model: 'gpt-4.1', input: 'Hello', conversation: conversation.id });
    expect(response.id).toMatch(/^resp_/);
    const items = await openai.conversations.items.list(conversation.id);
    expect(items.data.length).toBeGreaterThan(0);
    // The Assistants routes are not forwarded on this backend.
    await expect(openai.beta.threads.runs.list(demoIds.threads.statuses)).rejects.toMatchObject({ status: 404 });
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
  }, 30_000);

  it('answers CORS, preflight included, only for the --allow-origin origins', async () => {
    const { cli, url } = await startProxy(['--backend', 'assistants', '--allow-origin', 'http://app.test:5173']);
    const path = `${url}/threads/${demoIds.threads.statuses}/runs`;
    const preflight = (origin: string) =>
      fetch(path, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization, x-stainless-lang, openai-beta' },
      });

    const allowed = await preflight('http://app.test:5173');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://app.test:5173');
    expect(allowed.headers.get('access-control-allow-headers')).toBe('authorization, x-stainless-lang, openai-beta');
    const get = await fetch(path, { headers: { origin: 'http://app.test:5173' } });
    expect(get.status).toBe(200);
    expect(get.headers.get('access-control-allow-origin')).toBe('http://app.test:5173');
    expect(get.headers.get('access-control-expose-headers')).toContain('x-request-id');

    const refused = await preflight('http://evil.test');
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect(refused.status).toBeGreaterThanOrEqual(400);
    const evilGet = await fetch(path, { headers: { origin: 'http://evil.test' } });
    expect(evilGet.headers.get('access-control-allow-origin')).toBeNull();
    expect(evilGet.headers.get('vary')).toMatch(/Origin/);
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
  }, 30_000);

  it('says when the Assistants backend points at api.openai.com, and when it listens beyond loopback', async () => {
    // Nothing reaches the upstream at start-up, so no network is needed.
    const cli = runProxyCli(['--upstream', 'https://api.openai.com/v1', '--backend', 'assistants', '--host', '0.0.0.0', '--port', '0'], serverKey);
    await waitForOutput(() => cli.output().stdout, /listening on http:\/\/0\.0\.0\.0:\d+\/v1[\s\S]*Warning/);
    expect(cli.output().stdout).toContain('api.openai.com no longer serves the Assistants API');
    expect(cli.output().stdout).toContain('Warning: listening on 0.0.0.0 with no sign-in: anyone who can reach this port spends the key');
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
  }, 20_000);

  it('prints usage for --help', async () => {
    const cli = runProxyCli(['--help'], undefined);
    expect(await cli.exited).toBe(0);
    expect(cli.output().stdout).toMatch(/^Usage: runlens-proxy --upstream <baseURL> \[--port N\]/);
  }, 20_000);

  it.each([[undefined], ['  ']])('exits 2 saying what to set when OPENAI_API_KEY is %j', async (apiKey) => {
    const cli = runProxyCli(['--upstream', upstream.url, '--port', '0'], apiKey);
    expect(await cli.exited).toBe(2);
    expect(cli.output().stderr).toMatch(/^runlens-proxy: OPENAI_API_KEY is not set: export the key/);
    expect(cli.output().stdout).toBe('');
  }, 20_000);

  it.each([[['--upstream', 'http://127.0.0.1:1/v1', '--bogus']], [['--upstream', 'http://127.0.0.1:1/v1', '--backend', 'graphql']]])(
    'exits 2 with the problem and the usage for %j',
    async (args) => {
      const cli = runProxyCli(args, serverKey);
      expect(await cli.exited).toBe(2);
      expect(cli.output().stderr).toMatch(/^runlens-proxy: .+\n\nUsage: runlens-proxy/);
    },
    20_000,
  );
});

describe('runlens-proxy flags', () => {
  const upstreamFlag = ['--upstream', 'https://api.openai.com/v1'];
  it.each([
    [[], /^--upstream is required/],
    [['--upstream', 'api.openai.com'], /^--upstream must be a URL like https:\/\/api\.openai\.com\/v1, got 'api\.openai\.com'/],
    [['--upstream', 'ftp://example.test/v1'], /^--upstream must be an http or https URL/],
    [['--upstream', 'https://api.openai.com/v1?key=sk-abc'], /no credentials, query or fragment/],
    [['--upstream', 'https://user:sk-abc@api.openai.com/v1'], /no credentials, query or fragment/],
    [[...upstreamFlag, '--port', 'abc'], /^--port must be an integer from 0 to 65535, got 'abc'/],
    [[...upstreamFlag, '--port', '70000'], /^--port must be an integer/],
    [[...upstreamFlag, '--backend', 'chat'], /^--backend must be 'assistants' or 'responses', got 'chat'/],
    [[...upstreamFlag, '--allow-origin', '*'], /must name one origin/],
    [[...upstreamFlag, '--allow-origin', 'localhost:5173'], /must be an origin like http:\/\/localhost:5173/],
    [[...upstreamFlag, '--allow-origin', 'http://localhost:5173/app'], /no path/],
    [[...upstreamFlag, '--store', ''], /--store must be a directory or 'memory'/],
    [[...upstreamFlag, 'extra'], /Unexpected argument 'extra'/],
  ])('%j is refused with a message that says what to fix', (args, message) => {
    expect(() => parseProxyCliArgs(args)).toThrow(message);
  });

  it('takes the defaults and several origins', () => {
    expect(parseProxyCliArgs([...upstreamFlag, '--allow-origin', 'http://localhost:5173/', '--allow-origin', 'https://app.example.com'])).toEqual({
      upstream: 'https://api.openai.com/v1',
      port: 4020,
      host: '127.0.0.1',
      backend: 'responses',
      allowOrigins: ['http://localhost:5173', 'https://app.example.com'],
      store: 'memory',
      help: false,
    });
  });
});
