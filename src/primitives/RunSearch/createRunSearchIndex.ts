import type { Message } from '../../api/schemas/message.js';
import type { RunStep } from '../../api/schemas/run-step.js';
import { foldCase, foldQuery } from './foldCase.js';
import { messageOfStep, stepSearchFields } from './stepSearchText.js';
import type { RunSearchIndex, StepMatch, StepSearchField, StepSearchFilters } from './types.js';
import { visitStepText } from './visitStepText.js';

/** A step's folded text, built once per step object (and the message it was built with). */
interface StepEntry {
  message: Message | undefined;
  /** Every piece of the step's text, folded and joined by SEPARATOR: one `includes` per step and search. */
  all: string;
  /** The field of each piece of `all`, in order. */
  fields: StepSearchField[];
  /** Where each piece ends in `all` (its separator's offset, or the length for the last). */
  ends: number[];
  toolNames: string[];
}

/** Separates pieces in `StepEntry.all`, so a match never spans two of them (a query never holds it). */
const SEPARATOR = '\u0000';

const fieldOrder = new Map(stepSearchFields.map((field, i) => [field, i]));

// Steps are immutable objects (the query cache swaps a step for a new object when it changes), so an
// entry built for a step object stays right for as long as that object lives: a rebuild reuses it
// (a page of steps appended folds only the new page; a changed step or a newly loaded message
// rebuilds its entry). Weakly held: an index nobody keeps, or an unmounted run, keeps nothing alive.
const entries = new WeakMap<RunStep, StepEntry>();

/** Collects one step's pieces into one string; reused for every step, so indexing allocates only what it keeps. */
const builder = {
  raw: '',
  fields: [] as StepSearchField[],
  ends: [] as number[],
  add(field: StepSearchField, text: string): void {
    builder.raw += (builder.fields.length > 0 ? SEPARATOR : '') + (text.includes(SEPARATOR) ? text.replaceAll(SEPARATOR, ' ') : text);
    builder.fields.push(field);
    builder.ends.push(builder.raw.length);
  },
};

/** Piece ends found again in the folded text, when folding changed its length (İ → i̇). */
function separatorEnds(all: string): number[] {
  const ends: number[] = [];
  for (let at = all.indexOf(SEPARATOR); at !== -1; at = all.indexOf(SEPARATOR, at + 1)) ends.push(at);
  ends.push(all.length);
  return ends;
}

function entryOf(step: RunStep, message: Message | undefined, cached: StepEntry | undefined): StepEntry {
  if (cached && cached.message === message) return cached;
  // One string and one fold per step: the build is what opening a 10 000-step run waits for.
  builder.raw = '';
  builder.fields = [];
  builder.ends = [];
  const toolNames = visitStepText(step, message, builder);
  const all = foldCase(builder.raw);
  const ends = all.length === builder.raw.length ? builder.ends : separatorEnds(all);
  return { message, all, fields: builder.fields, ends, toolNames };
}

/** The fields whose text holds `needle`, each once, in `stepSearchFields` order. */
function matchedFields(entry: StepEntry, needle: string): string[] {
  const { all, fields, ends } = entry;
  const found: StepSearchField[] = [];
  let start = 0;
  for (let k = 0; k < fields.length; k += 1) {
    const field = fields[k] as StepSearchField;
    const end = ends[k] ?? all.length;
    if (!found.includes(field)) {
      const at = all.indexOf(needle, start);
      if (at !== -1 && at + needle.length <= end) found.push(field);
    }
    start = end + 1;
  }
  return found.length > 1 ? found.sort((a, b) => (fieldOrder.get(a) ?? 0) - (fieldOrder.get(b) ?? 0)) : found;
}

const nonEmpty = <T>(list: readonly T[] | undefined): ReadonlySet<T> | null => (list && list.length > 0 ? new Set(list) : null);

const sortedCopy = (list: readonly string[] | undefined): string[] => (list ? [...list].sort() : []);
const filtersKey = (filters: StepSearchFilters | undefined): string =>
  JSON.stringify([sortedCopy(filters?.stepTypes), sortedCopy(filters?.toolNames), sortedCopy(filters?.statuses)]);

const distinctSorted = (values: Iterable<string>): string[] => [...new Set(values)].sort();

/**
 * A search index over one array of steps (and the messages their message_creation steps wrote, by
 * message id): each step's text is folded once, then every search is one linear scan of prebuilt
 * strings. Memoize it per steps array (`useMemo(() => createRunSearchIndex(steps, messages),
 * [steps, messages])`); rebuilding after a page of steps is appended only folds the new steps.
 * Typing on (a query that contains the previous one, same filters) scans only the previous hits.
 *
 * @example
 * const index = createRunSearchIndex(steps, messagesById);
 * index.search('charge_card', { statuses: ['failed'] }); // → [{ stepId: 'step_…', index: 9989, fields: ['tool_name', 'error'] }]
 */
export function createRunSearchIndex(steps: readonly RunStep[], messages?: ReadonlyMap<string, Message>): RunSearchIndex {
  const built = steps.map((step) => {
    const cached = entries.get(step);
    const entry = entryOf(step, messageOfStep(step, messages), cached);
    if (entry !== cached) entries.set(step, entry);
    return entry;
  });
  // The last search, for narrowing while the user types.
  let last: { needle: string; filters: string; hits: number[] } | null = null;

  function passes(i: number, types: ReadonlySet<string> | null, tools: ReadonlySet<string> | null, statuses: ReadonlySet<string> | null): boolean {
    const step = steps[i] as RunStep;
    if (types && !types.has(step.type)) return false;
    if (statuses && !statuses.has(step.status)) return false;
    return !tools || (built[i] as StepEntry).toolNames.some((name) => tools.has(name));
  }

  return {
    search(query, filters) {
      const needle = foldQuery(query).replaceAll(SEPARATOR, '');
      const types = nonEmpty(filters?.stepTypes);
      const tools = nonEmpty(filters?.toolNames);
      const statuses = nonEmpty(filters?.statuses);
      if (needle === '' && !types && !tools && !statuses) return [];
      const key = filtersKey(filters);
      // The previous hits passed the same filters and hold the previous text, so they hold all of this one's.
      const previous = last !== null && last.filters === key && needle.includes(last.needle) ? last.hits : null;
      const hits: number[] = [];
      const matches: StepMatch[] = [];
      const visit = (i: number): void => {
        const entry = built[i] as StepEntry;
        if (needle !== '' && !entry.all.includes(needle)) return;
        if (!previous && !passes(i, types, tools, statuses)) return;
        hits.push(i);
        matches.push({ stepId: (steps[i] as RunStep).id, index: i, fields: needle === '' ? [] : matchedFields(entry, needle) });
      };
      if (previous) for (const i of previous) visit(i);
      else for (let i = 0; i < built.length; i += 1) visit(i);
      last = { needle, filters: key, hits };
      return matches;
    },
    toolNames: () => distinctSorted(built.flatMap((entry) => entry.toolNames)),
    stepTypes: () => distinctSorted(steps.map((step) => step.type)),
    statuses: () => distinctSorted(steps.map((step) => step.status)),
  };
}
