import type { Engine } from '../engine.js';
import type { Metadata } from '../types.js';
import { EmulatorError } from '../errors.js';
import type { ResponseMutator } from './mutator.js';
import type { ResponseSettings } from './settings.js';
import type { ConversationObject, Item, ResponseEvent, ResponseObject } from './types.js';

/** One timed transition of a response (the Responses twin of `timeline.ts`'s Scheduled). */
export interface ResponseStep {
  at: number;
  /** Whether it changes the response's status (what `openai-poll-after-ms` points at); deltas do not. */
  transition: boolean;
  apply(mutator: ResponseMutator): void;
}

export interface ConversationRecord {
  object: ConversationObject;
  /** In the order they were added (the array index is the sequence pagination sorts by). */
  items: Item[];
}

/** A response plus everything its lifecycle needs. */
export interface ResponseRecord {
  object: ResponseObject;
  /** This response's own input items, with ids (what input_items lists). */
  inputs: Item[];
  /** What came before the input: the previous response's whole turn, or the conversation's items. */
  history: Item[];
  conversation?: ConversationRecord;
  settings: ResponseSettings;
  /** The metadata its settings were read from (conversation, previous turn, own), handed on to the next turn. */
  inherited: Metadata;
  /** Transitions still to come, sorted by time. */
  pending: ResponseStep[];
  /** Every event the response emitted, numbered from 0; streams read from here. */
  log: ResponseEvent[];
  /** Called after each logged event, so an open stream wakes at once. */
  listeners: Set<() => void>;
}

/** The Responses API's state: its own maps, kept beside (not inside) the Assistants store. */
export class ResponsesState {
  readonly responses = new Map<string, ResponseRecord>();
  readonly conversations = new Map<string, ConversationRecord>();
  /** Responses with transitions still scheduled (stored or not: a store:false stream still moves). */
  readonly live = new Set<ResponseRecord>();

  constructor(readonly engine: Engine) {}

  response(id: string): ResponseRecord {
    const record = this.responses.get(id);
    if (!record) throw new EmulatorError(404, `Response with id '${id}' not found.`);
    return record;
  }

  conversation(id: string, param: string | null = null): ConversationRecord {
    const record = this.conversations.get(id);
    if (!record) throw new EmulatorError(404, `Conversation with id '${id}' not found.`, param);
    return record;
  }
}

// Keyed by the engine, so the Assistants engine and store need no field for it and one emulator's
// responses never leak into another's.
const states = new WeakMap<Engine, ResponsesState>();

export function responsesOf(engine: Engine): ResponsesState {
  let state = states.get(engine);
  if (!state) {
    state = new ResponsesState(engine);
    states.set(engine, state);
  }
  return state;
}
