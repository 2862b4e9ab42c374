import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { runCli, waitForOutput } from './cli-process';
import { afterAll, describe, expect, it } from 'vitest';
import { faultPresetNames } from '../../src/emulator';

const dir = mkdtempSync(join(tmpdir(), 'runlens-faults-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function profileFile(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

describe('runlens-emulator --faults', () => {
  it('serves with a preset and prints the active profile', async () => {
    const cli = runCli(['--port', '0', '--faults', 'outage']);
    const [, url] = await waitForOutput(() => cli.output().stdout, /(http:\/\/127\.0\.0\.1:\d+\/v1)/);
    await waitForOutput(() => cli.output().stdout, /Faults: outage \(seed 1\) — Every request answers 503.*\n {2}100 % server-error 503 \(before\) on every request\n/);
    const openai = new OpenAI({ apiKey: 'sk-test', baseURL: url, maxRetries: 0 });
    const error = await openai.beta.assistants.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.InternalServerError);
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
  }, 20_000);

  it('reads a JSON profile file; --fault-seed overrides its seed', async () => {
    const path = profileFile('ok.json', { name: 'cancel-fails', seed: 3, rules: [{ kind: 'server-error', status: 502, route: 'POST /threads/*/runs/*/cancel' }] });
    const cli = runCli(['--port', '0', '--faults', path, '--fault-seed', '9']);
    const [, url] = await waitForOutput(() => cli.output().stdout, /(http:\/\/127\.0\.0\.1:\d+\/v1)/);
    await waitForOutput(() => cli.output().stdout, /Faults: cancel-fails \(seed 9\)\n {2}100 % server-error 502 \(before\) on POST \/threads\/\*\/runs\/\*\/cancel\n/);
    const openai = new OpenAI({ apiKey: 'sk-test', baseURL: url, maxRetries: 0 });
    expect((await openai.beta.assistants.list()).data.length).toBeGreaterThan(0);
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
  }, 20_000);

  it('exits 2 on an invalid profile file, saying what to fix, with no stack', async () => {
    const path = profileFile('bad.json', { rules: [{ kind: 'server-error', rate: 1.5 }, { kind: 'sse-cut', when: 'before' }] });
    const cli = runCli(['--faults', path]);
    expect(await cli.exited).toBe(2);
    expect(cli.output().stderr).toBe(
      `runlens-emulator: Invalid fault profile ${path}:\n` +
        '  - rules[0].rate must be a number from 0 to 1, got 1.5\n' +
        '  - rules[1].when must be one of "after", got "before"\n',
    );
  }, 20_000);

  it.each([
    ['not JSON', () => profileFile('broken.json', '{ "rules": [ }'), /^runlens-emulator: Invalid fault profile .*broken\.json:\n {2}- not valid JSON: .+\n$/],
    [
      'an unknown preset or missing file',
      () => 'flakey',
      new RegExp(`^runlens-emulator: Invalid value for --faults:\\n {2}- 'flakey' is neither a preset \\(${faultPresetNames.join(', ')}\\) nor a readable JSON file \\(no such file\\)\\n$`),
    ],
  ])('exits 2 on %s', async (_, spec, expected) => {
    const cli = runCli(['--faults', spec()]);
    expect(await cli.exited).toBe(2);
    expect(cli.output().stderr).toMatch(expected);
    expect(cli.output().stderr).not.toMatch(/\n\s+at /);
  }, 20_000);

  it.each([[['--fault-seed', '4']], [['--faults', 'flaky', '--fault-seed=-1']], [['--faults', 'flaky', '--fault-seed', '1.5']]])(
    'exits 2 with usage for %j',
    async (args) => {
      const cli = runCli(args);
      expect(await cli.exited).toBe(2);
      expect(cli.output().stderr).toMatch(/^runlens-emulator: --fault-seed .+\n\nUsage:/);
    },
    20_000,
  );
});
