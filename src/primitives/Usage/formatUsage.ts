import type { Usage } from '../../api/schemas/common.js';

/** Price of a model per million tokens, in the caller's currency. */
export interface ModelPrice {
  promptPerMillion: number;
  completionPerMillion: number;
}

/** Token counts the way people read them: `1234567` → "1,234,567". */
export function formatTokens(tokens: number, locale = 'en-US'): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(tokens);
}

/** What a run's tokens cost at `price` (per-million rates). */
export function costOf(usage: Pick<Usage, 'prompt_tokens' | 'completion_tokens'>, price: ModelPrice): number {
  return (usage.prompt_tokens * price.promptPerMillion + usage.completion_tokens * price.completionPerMillion) / 1_000_000;
}

/** A cost as currency; sub-cent amounts keep up to 4 decimals so they do not read "$0.00". */
export function formatCost(amount: number, currency = 'USD', locale = 'en-US'): string {
  const small = amount > 0 && amount < 0.01;
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: small ? 4 : 2,
  }).format(amount);
}
