import type { RunStep } from '../../api/schemas/run-step.js';
import { costOf, formatCost, formatTokens, type ModelPrice } from '../Usage/formatUsage.js';
import { formatDuration } from './formatDuration.js';
import { stepLabel } from './stepLabel.js';
import type { TimelineLayout, TimelineRow } from './timelineLayout.js';

/** The lines of a bar's tooltip, as [part, label, value]: what, start offset, duration, tokens, cost. */
export function tooltipLines(
  row: TimelineRow,
  layout: Pick<TimelineLayout, 'startMs'>,
  price?: ModelPrice,
  currency = 'USD',
): [part: string, label: string, value: string][] {
  const step: RunStep = row.step;
  const lines: [string, string, string][] = [
    ['label', 'Step', stepLabel(step)],
    ['status', 'Status', step.status.replace(/_/g, ' ')],
    ['start', 'Starts', `+${formatDuration(row.startMs - layout.startMs)}`],
    ['duration', 'Duration', formatDuration(row.durationMs)],
  ];
  if (step.usage) {
    const { prompt_tokens: prompt, completion_tokens: completion, total_tokens: total } = step.usage;
    lines.push(['tokens', 'Tokens', `${formatTokens(total)} (${formatTokens(prompt)} prompt, ${formatTokens(completion)} completion)`]);
    if (price) lines.push(['cost', 'Cost', formatCost(costOf(step.usage, price), currency)]);
  }
  return lines;
}
