'use client';

import { createContext, useContext } from 'react';
import type { CallCheck, CallDraft, CallPlan } from './callPlan.js';

export interface ToolOutputsFormContextValue {
  plans: readonly CallPlan[];
  draftOf(callId: string): CallDraft;
  checkOf(callId: string): CallCheck;
  updateDraft(callId: string, update: (draft: CallDraft) => CallDraft): void;
  /** Errors show after the first submit attempt, then update live. */
  showErrors: boolean;
  /** Inputs and the button are disabled (submitting, or the run moved on). */
  blocked: boolean;
  isSubmitting: boolean;
  /** Stable DOM ids, unique per form instance. */
  idFor(callId: string, part: string): string;
}

export const ToolOutputsFormContext = createContext<ToolOutputsFormContextValue | null>(null);

export function useToolOutputsFormContext(part: string): ToolOutputsFormContextValue {
  const context = useContext(ToolOutputsFormContext);
  if (!context) throw new Error(`<ToolOutputsForm.${part}> must be used inside <ToolOutputsForm.Root>.`);
  return context;
}
