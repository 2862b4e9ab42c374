const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';

export interface IdFactory {
  /** An id shaped like the API's: `run_` + 24 alphanumerics, `file-` + 22, … */
  next(prefix: string, length?: number): string;
  /** `req_` + 32 hex digits, as in the API's `x-request-id`. */
  requestId(): string;
}

/**
 * Deterministic ids (xorshift32 from a fixed seed): the same sequence of calls gives the same ids,
 * so seeded demo data and Storybook snapshots are stable across restarts.
 */
export function createIdFactory(seed = 0x2545f491): IdFactory {
  let state = seed >>> 0 || 1;
  function random(): number {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state;
  }
  function draw(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i += 1) out += alphabet[random() % alphabet.length];
    return out;
  }
  return {
    next: (prefix, length = 24) => prefix + draw(ALPHANUMERIC, length),
    requestId: () => `req_${draw(HEX, 32)}`,
  };
}
