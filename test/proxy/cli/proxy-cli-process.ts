import { runBin } from '../../support/cli-process';

export { waitForOutput } from '../../support/cli-process';

/** The `runlens-proxy` bin as a child process, with OPENAI_API_KEY as given (or removed). */
export function runProxyCli(args: string[], apiKey: string | undefined) {
  const env = { ...process.env };
  delete env.OPENAI_API_KEY;
  if (apiKey !== undefined) env.OPENAI_API_KEY = apiKey;
  return runBin('runlens-proxy', args, env);
}
