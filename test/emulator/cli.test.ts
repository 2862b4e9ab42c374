import OpenAI from 'openai';
import { runCli, waitForOutput } from './cli-process';
import { describe, expect, it } from 'vitest';
import { demoIds } from '../../src/emulator';
import { checked } from './checked-backend';


describe('runlens-emulator CLI', () => {
  it('serves the seeded emulator and prints its /v1 URL and a hint', async () => {
    const cli = runCli(['--port', '0', '--speed', '10']);
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
    const cli = runCli(['--help']);
    expect(await cli.exited).toBe(0);
    expect(cli.output().stdout).toMatch(/^Usage: runlens-emulator \[--port N\] \[--host H\] \[--speed X\]/);
  }, 20_000);

  it.each([[['--bogus']], [['--port', 'abc']], [['--speed', '0']], [['extra']]])('exits 2 with a clear error for %j', async (args) => {
    const cli = runCli(args);
    expect(await cli.exited).toBe(2);
    expect(cli.output().stderr).toMatch(/^runlens-emulator: .+\n\nUsage:/);
  }, 20_000);
});
