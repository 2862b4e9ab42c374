import type { Usage } from '../../api/schemas/common.js';

/** Price of a model per million tokens, in the caller's currency. */
export interface ModelPrice {
  promptPerMillion: number;
  completionPerMillion: number;
}

// One formatter per distinct setup, made on first use: building an Intl.NumberFormat costs far more
// than formatting with one, and every step row formats three counts.
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

/** Token counts the way people read them: `1234567` → "1,234,567". */
export function formatTokens(tokens: number, locale = 'en-US'): string {
  // en-US integers (every count the API sends) are grouped by hand, as Intl would: the page's first
  // Intl.NumberFormat loads ICU number data, a one-time cost that would land on the first render.
  if (locale === 'en-US' && Number.isSafeInteger(tokens) && !Object.is(tokens, -0)) {
    return (tokens < 0 ? '-' : '') + String(Math.abs(tokens)).replace(/\B(?=(\d{3})+$)/g, ',');
  }
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(tokens);
}

/** What a run's tokens cost at `price` (per-million rates). */
export function costOf(usage: Pick<Usage, 'prompt_tokens' | 'completion_tokens'>, price: ModelPrice): number {
  return (usage.prompt_tokens * price.promptPerMillion + usage.completion_tokens * price.completionPerMillion) / 1_000_000;
}

/** A cost as currency; sub-cent amounts keep up to 4 decimals so they do not read "$0.00". */
export function formatCost(amount: number, currency = 'USD', locale = 'en-US'): string {
  const small = amount > 0 && amount < 0.01;
  return numberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: small ? 4 : 2,
  }).format(amount);
}
