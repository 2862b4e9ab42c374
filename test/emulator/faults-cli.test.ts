import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import OpenAI from 'openai';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { faultPresetNames } from '../../src/emulator';

const bin = fileURLToPath(new URL('../../bin/runlens-emulator.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'runlens-faults-'));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

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

function profileFile(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

describe('runlens-emulator --faults', () => {
  it('serves with a preset and prints the active profile', async () => {
    const cli = run(['--port', '0', '--faults', 'outage']);
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
    const cli = run(['--port', '0', '--faults', path, '--fault-seed', '9']);
    const [, url] = await waitForOutput(() => cli.output().stdout, /(http:\/\/127\.0\.0\.1:\d+\/v1)/);
    await waitForOutput(() => cli.output().stdout, /Faults: cancel-fails \(seed 9\)\n {2}100 % server-error 502 \(before\) on POST \/threads\/\*\/runs\/\*\/cancel\n/);
    const openai = new OpenAI({ apiKey: 'sk-test', baseURL: url, maxRetries: 0 });
    expect((await openai.beta.assistants.list()).data.length).toBeGreaterThan(0);
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
  }, 20_000);

  it('exits 2 on an invalid profile file, saying what to fix, with no stack', async () => {
    const path = profileFile('bad.json', { rules: [{ kind: 'server-error', rate: 1.5 }, { kind: 'sse-cut', when: 'before' }] });
    const cli = run(['--faults', path]);
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
    const cli = run(['--faults', spec()]);
    expect(await cli.exited).toBe(2);
    expect(cli.output().stderr).toMatch(expected);
    expect(cli.output().stderr).not.toMatch(/\n\s+at /);
  }, 20_000);

  it.each([[['--fault-seed', '4']], [['--faults', 'flaky', '--fault-seed=-1']], [['--faults', 'flaky', '--fault-seed', '1.5']]])(
    'exits 2 with usage for %j',
    async (args) => {
      const cli = run(args);
      expect(await cli.exited).toBe(2);
      expect(cli.output().stderr).toMatch(/^runlens-emulator: --fault-seed .+\n\nUsage:/);
    },
    20_000,
  );
});
