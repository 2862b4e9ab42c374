// The server key must never reach the client, even if an upstream echoed it. JSON answers are read
// whole and scrubbed as text; event streams are scrubbed chunk by chunk, holding back only a tail
// that could be the start of the key (almost never: an SSE chunk ends in a blank line), so the
// stream stays unbuffered.

const REDACTED = '[redacted]';

/** Secrets shorter than this are not scrubbed: they would match ordinary text. */
const MIN_SECRET_LENGTH = 6;

/** Every secret in `text` replaced. */
export function scrubText(text: string, secrets: readonly string[]): string {
  return secrets.reduce((scrubbed, secret) => (secret.length >= MIN_SECRET_LENGTH ? scrubbed.replaceAll(secret, REDACTED) : scrubbed), text);
}

export interface ByteScrubber {
  /** The bytes safe to pass on now (the secret replaced); a possible start of it is kept for the next chunk. */
  push(chunk: Uint8Array): Uint8Array;
  /** What was held back, at the end of the stream. */
  flush(): Uint8Array;
}

function indexOf(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  outer: for (let i = from; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** The length of the longest tail of `data` that is a proper prefix of `needle`. */
function heldTail(data: Uint8Array, needle: Uint8Array): number {
  for (let length = Math.min(needle.length - 1, data.length); length > 0; length--) {
    let matches = true;
    for (let j = 0; j < length && matches; j++) matches = data[data.length - length + j] === needle[j];
    if (matches) return length;
  }
  return 0;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

/** A scrubber for one stream; passes bytes through untouched when the secret is too short to scrub. */
export function createByteScrubber(secret: string): ByteScrubber {
  if (secret.length < MIN_SECRET_LENGTH) return { push: (chunk) => chunk, flush: () => new Uint8Array() };
  const needle = new TextEncoder().encode(secret);
  const mask = new TextEncoder().encode(REDACTED);
  let carry = new Uint8Array();
  return {
    push(chunk) {
      const data = carry.byteLength ? concat([carry, chunk]) : chunk;
      const parts: Uint8Array[] = [];
      let from = 0;
      for (let at = indexOf(data, needle, 0); at !== -1; at = indexOf(data, needle, from)) {
        parts.push(data.subarray(from, at), mask);
        from = at + needle.length;
      }
      const rest = data.subarray(from);
      const held = heldTail(rest, needle);
      carry = rest.slice(rest.byteLength - held);
      parts.push(rest.subarray(0, rest.byteLength - held));
      return parts.length === 1 ? parts[0]! : concat(parts);
    },
    flush() {
      const rest = carry;
      carry = new Uint8Array();
      return rest;
    },
  };
}
