import { parseArgs } from 'node:util';
import { createSystemClock } from './clock.js';
import { createEmulator } from './emulator.js';
import { describeFaultProfile } from './faults/describe.js';
import { loadFaultProfile } from './faults/load.js';
import { faultPresetNames } from './faults/presets.js';
import type { FaultProfile } from './faults/types.js';
import { serveEmulator } from './node.js';
import { demoIds } from './seed.js';

export const usage = `Usage: runlens-emulator [--port N] [--host H] [--speed X] [--faults P] [--fault-seed N]

Serves an emulator of the OpenAI Assistants API (assistants, threads, messages, runs, run steps)
with seeded demo data, and of the Responses and Conversations API (/v1/responses, /v1/conversations).

Options:
  --port N          port to listen on, 0 for any free port (default 4010)
  --host H          interface to bind (default 127.0.0.1)
  --speed X         emulator time runs X times faster than wall time (default 1)
  --faults P        inject failures: a preset (${faultPresetNames.join(', ')})
                    or a JSON profile file (see the emulator README, "Faults")
  --fault-seed N    seed for the faults' PRNG, overriding the profile's (default: the profile's, else 1)
  -h, --help        show this help
`;

export interface CliOptions {
  port: number;
  host: string;
  speed: number;
  /** A preset name or a JSON file path. */
  faults: string | undefined;
  faultSeed: number | undefined;
  help: boolean;
}

/** Parses the flags; throws an Error with a message fit for a person on anything it cannot use. */
export function parseCliArgs(argv: string[]): CliOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      speed: { type: 'string' },
      faults: { type: 'string' },
      'fault-seed': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  const port = Number(values.port ?? 4010);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be an integer from 0 to 65535, got '${values.port}'`);
  const speed = Number(values.speed ?? 1);
  if (!Number.isFinite(speed) || speed <= 0) throw new Error(`--speed must be a positive number, got '${values.speed}'`);
  const host = values.host ?? '127.0.0.1';
  if (host === '') throw new Error('--host must not be empty');
  const faults = values.faults;
  if (faults === '') throw new Error('--faults must name a preset or a JSON file');
  const rawSeed = values['fault-seed'];
  const faultSeed = rawSeed === undefined ? undefined : Number(rawSeed);
  if (faultSeed !== undefined && (rawSeed?.trim() === '' || !Number.isInteger(faultSeed) || faultSeed < 0 || faultSeed > 0xffffffff)) {
    throw new Error(`--fault-seed must be an integer from 0 to 4294967295, got '${rawSeed}'`);
  }
  if (faultSeed !== undefined && faults === undefined) throw new Error('--fault-seed needs --faults');
  return { port, host, speed, faults, faultSeed, help: values.help ?? false };
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
  let faults: FaultProfile | null = null;
  try {
    if (options.faults !== undefined) faults = await loadFaultProfile(options.faults, options.faultSeed);
  } catch (error) {
    // A profile problem is the user's to fix: the message says what, no stack and no usage.
    process.stderr.write(`runlens-emulator: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
  const emulator = createEmulator({ clock: createSystemClock({ speed: options.speed }), seed: true, faults });
  const server = await serveEmulator(emulator, { port: options.port, host: options.host });
  const assistants = Object.values(demoIds.assistants).join(', ');
  process.stdout.write(
    `runlens emulator listening on ${server.url}${options.speed === 1 ? '' : ` (time ×${options.speed})`}\n` +
      `Point the SDK at it: new OpenAI({ baseURL: '${server.url}', apiKey: 'sk-emulator' }) · seeded assistants: ${assistants} · threads: ${Object.values(demoIds.threads).join(', ')}\n` +
      `Faults: ${faults ? describeFaultProfile(faults) : 'none'}\n`,
  );
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
