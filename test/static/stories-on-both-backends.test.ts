import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Storybook needs each story as a static named export, so the Responses file lists them one by
// one; this keeps a new RunInspector story from being left out on the Responses API.

const storyNames = (file: string) => [...readFileSync(new URL(`../../stories/${file}`, import.meta.url), 'utf8').matchAll(/^export const (\w+)/gm)].map((m) => m[1]);

describe('RunInspector stories on both backends', () => {
  it('re-exports every RunInspector story on Responses', () => {
    const assistants = storyNames('RunInspector.stories.tsx');
    expect(assistants.length).toBeGreaterThan(20);
    expect(storyNames('RunInspector.responses.stories.tsx')).toEqual(assistants);
  });
});
