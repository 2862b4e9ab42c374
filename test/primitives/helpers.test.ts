// @vitest-environment node
// Pure helpers: no DOM needed, so skip the cost of a jsdom environment.
import { describe, expect, it } from 'vitest';
import {
  costOf,
  deadlineState,
  fieldsFromSchema,
  formatCost,
  formatDuration,
  formatTokens,
  prettyJson,
  runStatusLabel,
  timelineLayout,
  validateFields,
} from '../../src/primitives';
import { T0, makeRun, makeStep } from './fixtures';

describe('runStatusLabel', () => {
  it('names every status', () => {
    expect(runStatusLabel('requires_action')).toBe('Needs tool outputs');
    expect(runStatusLabel('in_progress')).toBe('In progress');
    expect(runStatusLabel('expired')).toBe('Expired');
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0 ms'],
    [-5, '0 ms'],
    [Number.NaN, '0 ms'],
    [850, '850 ms'],
    [1200, '1.2 s'],
    [3000, '3 s'],
    [59_960, '1 min'],
    [125_000, '2 min 5 s'],
    [3_780_000, '1 h 3 min'],
  ])('%s ms → %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});

describe('timelineLayout', () => {
  it('places steps as percentages of the run span', () => {
    const run = makeRun({ created_at: T0, completed_at: T0 + 10 });
    const steps = [
      makeStep({ id: 'a', created_at: T0, completed_at: T0 + 5 }),
      makeStep({ id: 'b', created_at: T0 + 5, completed_at: T0 + 10 }),
    ];
    const layout = timelineLayout(run, steps, 0);
    expect(layout.durationMs).toBe(10_000);
    expect(layout.rows.map((row) => [row.leftPercent, row.widthPercent])).toEqual([
      [0, 50],
      [50, 50],
    ]);
  });

  it('ends live bars and a running run at now', () => {
    const run = makeRun({ status: 'in_progress', completed_at: null, usage: null });
    const step = makeStep({ status: 'in_progress', created_at: T0 + 2, completed_at: null });
    const layout = timelineLayout(run, [step], (T0 + 4) * 1000);
    expect(layout.endMs).toBe((T0 + 4) * 1000);
    expect(layout.rows[0]).toMatchObject({ live: true, leftPercent: 50, widthPercent: 50, durationMs: 2000 });
  });

  // Expired and incomplete runs (no end stamp) are in runEnd.test.ts, from the emulator's own output.
  it('stretches the span to a step ending after the run', () => {
    const late = makeStep({ created_at: T0 + 5, completed_at: T0 + 20 });
    const layout = timelineLayout(makeRun({ completed_at: T0 + 10 }), [late], 0);
    expect(layout.durationMs).toBe(20_000);
    expect(layout.rows[0]!.leftPercent + layout.rows[0]!.widthPercent).toBeLessThanOrEqual(100);
  });

  it('gives a zero-length run full-width bars instead of dividing by zero', () => {
    const run = makeRun({ completed_at: T0 });
    const layout = timelineLayout(run, [makeStep({ created_at: T0, completed_at: T0 })], 0);
    expect(layout.rows[0]).toMatchObject({ leftPercent: 0, widthPercent: 100 });
  });
});

describe('usage formatting', () => {
  it('formats tokens and prices them per million', () => {
    expect(formatTokens(1_234_567)).toBe('1,234,567');
    const usage = { prompt_tokens: 1_000_000, completion_tokens: 500_000 };
    expect(costOf(usage, { promptPerMillion: 2.5, completionPerMillion: 10 })).toBeCloseTo(7.5);
    expect(formatCost(7.5)).toBe('$7.50');
    expect(formatCost(0.00123)).toBe('$0.0012');
    expect(formatCost(3, 'EUR')).toBe('€3.00');
  });
});

describe('deadlineState', () => {
  const expiresAt = T0 + 600;
  it('counts down in m:ss, rounding seconds up', () => {
    expect(deadlineState(expiresAt, (T0 + 2) * 1000 - 1)).toMatchObject({ state: 'ok', label: '9:59 left' });
    expect(deadlineState(expiresAt, (T0 + 2) * 1000)).toMatchObject({ state: 'ok', label: '9:58 left' });
  });
  it('is soon under a minute, expired at zero', () => {
    expect(deadlineState(expiresAt, (T0 + 541) * 1000)).toMatchObject({ state: 'soon', label: '0:59 left' });
    expect(deadlineState(expiresAt, (T0 + 540) * 1000).state).toBe('ok');
    expect(deadlineState(expiresAt, (T0 + 600) * 1000)).toEqual({ state: 'expired', secondsLeft: 0, label: 'Expired' });
  });
  it('shows hours', () => {
    expect(deadlineState(T0 + 3723, T0 * 1000).label).toBe('1:02:03 left');
  });
});

describe('prettyJson', () => {
  it('indents JSON text and leaves other text alone', () => {
    expect(prettyJson('{"city":"Paris"}')).toBe('{\n  "city": "Paris"\n}');
    expect(prettyJson('not {json')).toBe('not {json');
    expect(prettyJson({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}');
  });
});

describe('fieldsFromSchema', () => {
  it('maps flat properties to fields', () => {
    const fields = fieldsFromSchema({
      type: 'object',
      properties: {
        city: { type: 'string', title: 'City', minLength: 2 },
        days: { type: 'integer', minimum: 1, maximum: 7 },
        temp: { type: ['number', 'null'] },
        metric: { type: 'boolean', default: true },
        unit: { type: 'string', enum: ['c', 'f'] },
      },
      required: ['city', 'days'],
    });
    expect(fields?.map((field) => [field.name, field.kind, field.label, field.required])).toEqual([
      ['city', 'string', 'City', true],
      ['days', 'integer', 'days', true],
      ['temp', 'number', 'temp', false],
      ['metric', 'boolean', 'metric', false],
      ['unit', 'enum', 'unit', false],
    ]);
    expect(fields?.[4]?.options).toEqual(['c', 'f']);
  });

  it.each([
    ['no schema', undefined],
    ['not an object', { type: 'string' }],
    ['no properties', { type: 'object', properties: {} }],
    ['a nested object', { type: 'object', properties: { where: { type: 'object', properties: {} } } }],
    ['an array', { type: 'object', properties: { tags: { type: 'array', items: { type: 'string' } } } }],
    ['a union', { type: 'object', properties: { x: { anyOf: [{ type: 'string' }, { type: 'number' }] } } }],
  ])('returns null (raw fallback) for %s', (_, schema) => {
    expect(fieldsFromSchema(schema)).toBeNull();
  });
});

describe('validateFields', () => {
  const fields = fieldsFromSchema({
    type: 'object',
    properties: {
      city: { type: 'string', pattern: '^[A-Z]' },
      days: { type: 'integer', minimum: 1, maximum: 7 },
      ratio: { type: 'number', exclusiveMaximum: 1 },
      metric: { type: 'boolean' },
      unit: { enum: ['c', 'f', 2] },
    },
    required: ['city', 'days'],
  })!;

  it('reports required, type, bound and pattern errors', () => {
    expect(validateFields(fields, { city: '', days: '', metric: false }).errors).toEqual({
      city: 'city is required',
      days: 'days is required',
    });
    expect(validateFields(fields, { city: 'paris', days: '2.5', ratio: '1' }).errors).toEqual({
      city: 'city must match the pattern ^[A-Z]',
      days: 'days must be a whole number',
      ratio: 'ratio must be less than 1',
    });
    expect(validateFields(fields, { city: 'Paris', days: '9' }).errors).toEqual({ days: 'days must be at most 7' });
  });

  it('builds typed output, leaving empty optional fields out', () => {
    const result = validateFields(fields, { city: 'Paris', days: '3', ratio: '', metric: true, unit: '2' });
    expect(result).toEqual({ errors: {}, value: { city: 'Paris', days: 3, metric: true, unit: 2 } });
  });
});
