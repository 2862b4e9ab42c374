import { describe, expect, it } from 'vitest';
import { startTestBackend } from '../support/emulator';

describe('CORS', () => {
  it('answers a preflight for the SDK’s headers from any origin', async () => {
    const { baseURL } = await startTestBackend();
    const response = await fetch(`${baseURL}/threads/thread_x/runs`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:6006',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type, openai-beta, x-stainless-os, x-stainless-retry-count, openai-organization, openai-project, x-custom',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:6006');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    const allowed = (response.headers.get('access-control-allow-headers') ?? '').split(', ');
    for (const header of ['authorization', 'content-type', 'openai-beta', 'x-stainless-os', 'x-stainless-retry-count', 'openai-organization', 'openai-project', 'x-custom']) {
      expect(allowed).toContain(header);
    }
    expect(response.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{32}$/);
  });

  it('puts CORS headers on every answer, errors included, and exposes the poll hint and request id', async () => {
    const { baseURL } = await startTestBackend();
    for (const path of ['/assistants', '/threads/thread_missing', '/nowhere']) {
      const response = await fetch(`${baseURL}${path}`, { headers: { origin: 'https://example.com', 'openai-beta': 'assistants=v2' } });
      expect(response.headers.get('access-control-allow-origin')).toBe('https://example.com');
      const exposed = response.headers.get('access-control-expose-headers') ?? '';
      expect(exposed).toContain('openai-poll-after-ms');
      expect(exposed).toContain('x-request-id');
      expect(response.headers.get('x-request-id')).toMatch(/^req_/);
    }
    const anonymous = await fetch(`${baseURL}/assistants`, { headers: { 'openai-beta': 'assistants=v2' } });
    expect(anonymous.headers.get('access-control-allow-origin')).toBe('*');
  });
});
