import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import OpenAI from 'openai';
import OpenAI6 from 'openai6';

/** A local port nothing listens on: a request sent there fails with a connection error. */
export async function closedPortURL(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  return `http://127.0.0.1:${port}/v1`;
}

/**
 * Real SDK instances of both majors pointed at a closed port, without retries. A call that passes
 * the checks is sent and fails with `connection_error`; one refused before sending does not.
 */
export async function unreachableSdks() {
  const baseURL = await closedPortURL();
  const options = { apiKey: 'sk-test', baseURL, maxRetries: 0 };
  return [
    { name: 'openai 7', openai: new OpenAI(options) },
    { name: 'openai 6', openai: new OpenAI6(options) },
  ] as const;
}
