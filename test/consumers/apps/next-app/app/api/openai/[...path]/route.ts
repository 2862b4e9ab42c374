import { createRunsProxy, type RunsProxy } from 'runlens/proxy';

// runlens/proxy mounted as a Next.js route handler: the browser talks to /api/openai/v1/…, the
// server's key stays here. Made on the first request: the upstream is not known at build time.
let proxy: RunsProxy | undefined;

function handle(request: Request): Promise<Response> {
  proxy ??= createRunsProxy({
    upstream: { baseURL: process.env.RUNLENS_BASE_URL ?? 'http://127.0.0.1:4010/v1', apiKey: process.env.OPENAI_API_KEY ?? 'sk-server-next-app' },
    basePath: '/api/openai',
    backend: 'assistants',
  });
  return proxy(request);
}

export const GET = handle;
export const POST = handle;
