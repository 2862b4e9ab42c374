import { describe, expect, it } from 'vitest';
import { capabilitiesOf, fullCapabilities, whyUnsupported } from '../../src/core';

describe('capabilitiesOf', () => {
  it('takes every capability a client leaves out as supported', () => {
    expect(capabilitiesOf({})).toEqual(fullCapabilities);
    expect(Object.values(fullCapabilities).every((capability) => capability === true)).toBe(true);
    const limited = capabilitiesOf({ capabilities: { updateMetadata: { unsupported: 'Responses are immutable.' } } });
    expect(limited).toEqual({ ...fullCapabilities, updateMetadata: { unsupported: 'Responses are immutable.' } });
  });

  it('whyUnsupported gives the reason, or null for a capability the backend has', () => {
    expect(whyUnsupported(true)).toBeNull();
    expect(whyUnsupported({ unsupported: 'No deadline.' })).toBe('No deadline.');
  });
});
