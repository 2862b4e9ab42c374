// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createAssistantsRunsClient } from '../../src/backends/assistants/client';
import { createRunSearchIndex, findMatchRanges, stepSearchText } from '../../src/primitives';
import { startTestBackend } from '../support/emulator';

// findMatchRanges: where to draw the highlight. It must mark exactly what the search matched, at
// offsets into the text as shown (UTF-16, as a DOM Range takes them).

const slices = (text: string, query: string) => findMatchRanges(text, query).map(([start, end]) => text.slice(start, end));

describe('findMatchRanges', () => {
  it('marks every occurrence, in any case, without overlap; a blank query marks nothing', () => {
    expect(findMatchRanges('charge_card failed: CHARGE_CARD', ' Charge_Card ')).toEqual([[0, 11], [20, 31]]);
    expect(findMatchRanges('aaaa', 'aa')).toEqual([[0, 2], [2, 4]]);
    expect(findMatchRanges('aaa', 'aa')).toEqual([[0, 2]]);
    expect(findMatchRanges('anything', '')).toEqual([]);
    expect(findMatchRanges('anything', '  \n ')).toEqual([]);
    expect(findMatchRanges('', 'x')).toEqual([]);
  });

  it('keeps offsets into the original text when folding the case changes lengths (İ) or characters are astral', () => {
    const text = '🎉 İstanbul and İSTANBUL 🎉 οδός ΟΔΟΣ';
    expect(slices(text, 'i̇stanbul')).toEqual(['İstanbul', 'İSTANBUL']);
    expect(slices(text, 'İSTANBUL')).toEqual(['İstanbul', 'İSTANBUL']);
    // Half of a grown character still marks the whole character.
    expect(slices(text, 'i')).toEqual(['İ', 'İ']);
    expect(slices(text, '🎉')).toEqual(['🎉', '🎉']);
    expect(slices(text, 'οδοσ')).toEqual(['ΟΔΟΣ']);
    expect(slices(text, 'Straße')).toEqual([]);
  });

  it('marks what the index matched, field by field, in the emulator’s hostile text', async () => {
    const { openai, clock } = await startTestBackend();
    const hostile = '<img src=x onerror=alert(1)> İSTANBUL שלום';
    const assistant = await openai.beta.assistants.create({ model: 'gpt-4o', metadata: { 'emulator.scenario': 'bulk', 'emulator.steps': '3', 'emulator.fail_step': '3', 'emulator.text': hostile } });
    const thread = await openai.beta.threads.create({ messages: [{ role: 'user', content: 'Go' }] });
    const run = await openai.beta.threads.runs.create(thread.id, { assistant_id: assistant.id });
    clock.advance(5_000);
    const steps = (await createAssistantsRunsClient(openai).listRunSteps(thread.id, run.id, { order: 'asc' })).data;
    const index = createRunSearchIndex(steps);
    for (const query of ['ONERROR=alert', 'i̇stanbul', 'שלום', 'charge_card', 'print(']) {
      const matches = index.search(query);
      expect(matches.length, query).toBeGreaterThan(0);
      for (const match of matches) {
        const text = stepSearchText(steps[match.index]!);
        // Exactly the matched fields have marks, and every mark reads as the query.
        expect(Object.keys(text).filter((field) => findMatchRanges(text[field]!, query).length > 0), query).toEqual(match.fields);
        for (const field of match.fields) {
          for (const mark of slices(text[field]!, query)) expect(mark.toLowerCase()).toBe(query.toLowerCase());
        }
      }
    }
  });
});
