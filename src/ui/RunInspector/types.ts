import type { OutputSchemas } from '../../primitives/index.js';
import type { UsageView } from '../UsageView.js';
import type { ComponentProps } from 'react';

/** An assistant the "Start run" picker offers. */
export interface AssistantOption {
  id: string;
  name: string;
}

/** Which run, and which of its steps, the inspector shows: `null` when none was chosen. */
export interface RunInspectorSelection {
  runId: string | null;
  stepId: string | null;
}

/** Per-model prices for the Usage cost line, as `Usage.Root` takes them. */
export type ModelPrices = NonNullable<ComponentProps<typeof UsageView>['prices']>;

export interface RunInspectorProps {
  /** The thread whose runs are shown. */
  threadId: string;
  /** Choices for the "Start run" picker; without them the form asks for an assistant id. */
  assistants?: AssistantOption[];
  /** Prices per model, to show a cost next to the token usage. */
  prices?: ModelPrices;
  /** Turns a file id (code interpreter images) into a URL the browser can load. */
  resolveFileUrl?: (fileId: string) => string | undefined;
  /**
   * JSON schemas of tool outputs, by function name: a function listed here is answered with
   * validated fields (the output sent is their JSON); any other gets a text output.
   */
  outputSchemas?: OutputSchemas;
  /** The run selected at first (uncontrolled). @default the newest run */
  defaultRunId?: string;
  /**
   * The selected run, controlled: pass it with `onSelectionChange` to keep it in the URL. `null`
   * shows the newest run. Leave it `undefined` to let the inspector hold the choice.
   */
  selectedRunId?: string | null;
  /** The selected step of that run, controlled (`null`: none; the details column says so). */
  selectedStepId?: string | null;
  /**
   * Called when someone picks a run (its step is then `null`) or a step, in the list, the
   * waterfall or through search.
   * @example
   * <RunInspector threadId={t} selectedRunId={params.run ?? null} selectedStepId={params.step ?? null}
   *   onSelectionChange={({ runId, stepId }) => setParams({ run: runId, step: stepId })} />
   */
  onSelectionChange?: (selection: RunInspectorSelection) => void;
  /**
   * Start runs and submit tool outputs with `stream: true`, so status, message text and tool-call
   * arguments appear as the backend sends them (polling takes over if a stream breaks).
   * @default true
   */
  stream?: boolean;
  className?: string;
}
