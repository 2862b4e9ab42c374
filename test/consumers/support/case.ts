import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appsRoot, cacheRoot, childEnv } from './env.ts';

export interface RunResult {
  code: number | null;
  /** stdout + stderr, interleaved as they came. */
  output: string;
  ms: number;
}

export interface RunOptions {
  env?: Record<string, string>;
  timeoutMs?: number;
}

/** One consumer app in its own reused dir under node_modules/.cache/runlens-consumers/<name>. */
export class ConsumerCase {
  readonly dir: string;
  readonly logFile: string;
  private readonly timings: [string, number][] = [];
  /** When the case's first step began (a describe.each case waits for the one before it). */
  private started: number | undefined;

  constructor(readonly name: string) {
    this.dir = join(cacheRoot, name);
    mkdirSync(this.dir, { recursive: true });
    this.logFile = join(this.dir, 'consumer.log');
    writeFileSync(this.logFile, `# ${name} ${new Date().toISOString()}\n`);
  }

  log(text: string): void {
    appendFileSync(this.logFile, text.endsWith('\n') ? text : `${text}\n`);
  }

  /** The last lines of this case's log, for an assertion message. */
  tail(lines = 80): string {
    const text = readFileSync(this.logFile, 'utf8').trimEnd().split('\n');
    return `--- last ${Math.min(lines, text.length)} lines of ${this.logFile} ---\n${text.slice(-lines).join('\n')}`;
  }

  /** Writes the case's package.json (only when it changed, so npm sees no spurious edits) and `.npmrc`. */
  writePackage(pkg: { dependencies: Record<string, string>; devDependencies?: Record<string, string>; type?: 'module' }): void {
    const json = `${JSON.stringify({ name: `consumer-${this.name.replace(/[^a-z0-9-]/gi, '-').toLowerCase()}`, private: true, version: '0.0.0', ...pkg }, null, 2)}\n`;
    const path = join(this.dir, 'package.json');
    if (!existsSync(path) || readFileSync(path, 'utf8') !== json) writeFileSync(path, json);
    // Peers outside a tool's declared engines must not stop the install: the matrix is about runlens.
    writeFileSync(join(this.dir, '.npmrc'), 'engine-strict=false\nfund=false\naudit=false\nupdate-notifier=false\n');
  }

  /** Copies an app's sources from test/consumers/apps/<app> over the case dir. */
  copyApp(app: string): void {
    // Entry by entry, replacing each (so a file deleted from the app goes from the case too);
    // node_modules, the lockfile and build caches in the case dir stay.
    for (const entry of readdirSync(join(appsRoot, app))) {
      rmSync(join(this.dir, entry), { recursive: true, force: true });
      cpSync(join(appsRoot, app, entry), join(this.dir, entry), { recursive: true });
    }
  }

  write(relative: string, content: string): void {
    const path = join(this.dir, relative);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
  }

  /** Runs a command in the case dir; its output goes to the log (never throws on a non-zero exit). */
  async run(command: string, args: string[], options: RunOptions = {}): Promise<RunResult> {
    const label = [command, ...args].join(' ');
    this.log(`\n$ ${label}`);
    const started = performance.now();
    const result = await new Promise<RunResult>((done) => {
      const child = spawn(command, args, { cwd: this.dir, env: childEnv(options.env), stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      const take = (chunk: Buffer) => {
        const text = chunk.toString();
        output += text;
        appendFileSync(this.logFile, text);
      };
      child.stdout.on('data', take);
      child.stderr.on('data', take);
      const timer = setTimeout(() => {
        this.log(`!! ${label}: killed after ${options.timeoutMs} ms`);
        child.kill('SIGKILL');
      }, options.timeoutMs ?? 600_000);
      child.on('error', (error) => {
        clearTimeout(timer);
        this.log(`!! ${label}: ${error.message}`);
        done({ code: -1, output: `${output}\n${error.message}`, ms: performance.now() - started });
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        done({ code, output, ms: performance.now() - started });
      });
    });
    this.log(`# exit ${result.code} after ${(result.ms / 1000).toFixed(1)} s`);
    return result;
  }

  /** `npm install` with the shared npm cache; node_modules and package-lock.json stay for the next run. */
  install(): Promise<RunResult> {
    return this.timed('npm install', () => this.run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=warn']));
  }

  /** A bin from the case's own node_modules. */
  bin(name: string): string {
    return join(this.dir, 'node_modules', '.bin', name);
  }

  async timed<T>(step: string, fn: () => Promise<T>): Promise<T> {
    const started = performance.now();
    this.started ??= started;
    try {
      return await fn();
    } finally {
      this.timings.push([step, performance.now() - started]);
    }
  }

  /** One line per step, and the case's total so far. */
  report(): string {
    const steps = this.timings.map(([step, ms]) => `${step} ${(ms / 1000).toFixed(1)} s`).join(' · ');
    return `[consumers] ${this.name}: ${steps} · total ${((performance.now() - (this.started ?? performance.now())) / 1000).toFixed(1)} s`;
  }
}

/** The message for a failed step: what failed and the tail of the log. */
export function failure(step: string, consumer: ConsumerCase, result?: RunResult): string {
  return `${consumer.name}: ${step} failed${result ? ` (exit ${result.code})` : ''}\n${consumer.tail()}`;
}
