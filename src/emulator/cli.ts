import { parseArgs } from 'node:util';
import { createSystemClock } from './clock.js';
import { createEmulator } from './emulator.js';
import { serveEmulator } from './node.js';
import { demoIds } from './seed.js';

export const usage = `Usage: runlens-emulator [--port N] [--host H] [--speed X]

Serves an emulator of the OpenAI Assistants API (assistants, threads, messages, runs, run steps)
with seeded demo data.

Options:
  --port N    port to listen on, 0 for any free port (default 4010)
  --host H    interface to bind (default 127.0.0.1)
  --speed X   emulator time runs X times faster than wall time (default 1)
  -h, --help  show this help
`;

export interface CliOptions {
  port: number;
  host: string;
  speed: number;
  help: boolean;
}

/** Parses the flags; throws an Error with a message fit for a person on anything it cannot use. */
export function parseCliArgs(argv: string[]): CliOptions {
  const { values } = parseArgs({
    args: argv,
    options: { port: { type: 'string' }, host: { type: 'string' }, speed: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
    allowPositionals: false,
  });
  const port = Number(values.port ?? 4010);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be an integer from 0 to 65535, got '${values.port}'`);
  const speed = Number(values.speed ?? 1);
  if (!Number.isFinite(speed) || speed <= 0) throw new Error(`--speed must be a positive number, got '${values.speed}'`);
  const host = values.host ?? '127.0.0.1';
  if (host === '') throw new Error('--host must not be empty');
  return { port, host, speed, help: values.help ?? false };
}

/** Runs the CLI; resolves once the server listens (it keeps running until SIGINT/SIGTERM). */
export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  let options: CliOptions;
  try {
    options = parseCliArgs(argv);
  } catch (error) {
    process.stderr.write(`runlens-emulator: ${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    process.exit(2);
  }
  if (options.help) {
    process.stdout.write(usage);
    return;
  }
  const emulator = createEmulator({ clock: createSystemClock({ speed: options.speed }), seed: true });
  const server = await serveEmulator(emulator, { port: options.port, host: options.host });
  const assistants = Object.values(demoIds.assistants).join(', ');
  process.stdout.write(
    `runlens emulator listening on ${server.url}${options.speed === 1 ? '' : ` (time ×${options.speed})`}\n` +
      `Point the SDK at it: new OpenAI({ baseURL: '${server.url}', apiKey: 'sk-emulator' }) · seeded assistants: ${assistants} · threads: ${Object.values(demoIds.threads).join(', ')}\n`,
  );
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
