// A dropped connection, told the way fetch tells it: before the answer, fetch rejects with
// `TypeError: fetch failed`; mid-body, reading the body fails with `TypeError: terminated`.
// The Fetch handler answers `Response.error()` for the first and errors the body stream with a
// ConnectionResetError for the second; node.ts turns either into a real dropped socket.

const cause = (where: string): Error => new Error(`connection reset by a runlens emulator fault (${where})`);

/** The error a body stream fails with when a fault drops the connection mid-body. */
export class ConnectionResetError extends TypeError {
  constructor() {
    super('terminated', { cause: cause('mid-body') });
    this.name = 'TypeError';
  }
}

export const isConnectionReset = (error: unknown): error is ConnectionResetError => error instanceof ConnectionResetError;

/** `Response.error()`: a network error, the Fetch way of saying "no answer at all". */
export const isNetworkError = (response: Response): boolean => response.type === 'error';

/** What `fetch` does with a network error: reject. For the emulator's own `fetch`. */
export function rejectNetworkError(response: Response): Response {
  if (isNetworkError(response)) throw new TypeError('fetch failed', { cause: cause('before the answer') });
  return response;
}
