import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { demoIds } from '../../src/emulator';
import { checked } from './checked-backend';

const bin = fileURLToPath(new URL('../../bin/runlens-emulator.js', import.meta.url));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function run(args: string[]) {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

async function waitForOutput(read: () => string, pattern: RegExp, timeoutMs = 15_000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = read().match(pattern);
    if (match) return match;
    if (Date.now() > deadline) throw new Error(`no ${pattern} in output:\n${read()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('runlens-emulator CLI', () => {
  it('serves the seeded emulator and prints its /v1 URL and a hint', async () => {
    const cli = run(['--port', '0', '--speed', '10']);
    const [, url] = await waitForOutput(() => cli.output().stdout, /(http:\/\/127\.0\.0\.1:\d+\/v1)/);
    const { stdout } = cli.output();
    await waitForOutput(() => cli.output().stdout, /new OpenAI\(\{ baseURL: .* asst_demo_function_call/);
    const openai = checked(new OpenAI({ apiKey: 'sk-test', baseURL: url, maxRetries: 0 }));
    const assistant = await openai.beta.assistants.retrieve(demoIds.assistants.function_call);
    expect(assistant.metadata).toMatchObject({ 'emulator.scenario': 'function_call' });
    expect(stdout).toContain(url);
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
  }, 20_000);

  it('prints usage for --help', async () => {
    const cli = run(['--help']);
    expect(await cli.exited).toBe(0);
    expect(cli.output().stdout).toMatch(/^Usage: runlens-emulator \[--port N\] \[--host H\] \[--speed X\]/);
  }, 20_000);

  it.each([[['--bogus']], [['--port', 'abc']], [['--speed', '0']], [['extra']]])('exits 2 with a clear error for %j', async (args) => {
    const cli = run(args);
    expect(await cli.exited).toBe(2);
    expect(cli.output().stderr).toMatch(/^runlens-emulator: .+\n\nUsage:/);
  }, 20_000);
});
