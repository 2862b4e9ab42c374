'use client';

import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import type { Usage } from '../../api/schemas/common.js';
import { costOf, formatCost, formatTokens, type ModelPrice } from './formatUsage.js';

export interface UsageRootProps extends ComponentPropsWithoutRef<'dl'> {
  /** Token counts; `null` until the run is terminal (every value then reads "—"). */
  usage: Pick<Usage, 'prompt_tokens' | 'completion_tokens' | 'total_tokens'> | null;
  /** The run's model, to look its price up in `prices`. */
  model?: string;
  /** Per-model prices per million tokens; a Cost row shows only when `model` has one. */
  prices?: Record<string, ModelPrice>;
  /**
   * ISO 4217 code the prices are in.
   * @default 'USD'
   */
  currency?: string;
}

const EMPTY = '—';

/** A `<dl>` of prompt / completion / total tokens, plus the cost when the model's price is known. */
export const UsageRoot = forwardRef<HTMLDListElement, UsageRootProps>(function UsageRoot(
  { usage, model, prices, currency = 'USD', children, ...props },
  ref,
) {
  const price = model ? prices?.[model] : undefined;
  const rows: [string, string, string][] = [
    ['prompt', 'Prompt tokens', usage ? formatTokens(usage.prompt_tokens) : EMPTY],
    ['completion', 'Completion tokens', usage ? formatTokens(usage.completion_tokens) : EMPTY],
    ['total', 'Total tokens', usage ? formatTokens(usage.total_tokens) : EMPTY],
  ];
  if (price) rows.push(['cost', 'Cost', usage ? formatCost(costOf(usage, price), currency) : EMPTY]);
  return (
    <dl data-state={usage ? 'known' : 'pending'} {...props} ref={ref}>
      {children ??
        rows.map(([part, term, value]) => (
          <div key={part} data-part={part}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
});
UsageRoot.displayName = 'Usage.Root';
