import { createElement, type ComponentPropsWithoutRef } from 'react';

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

/** An `<h1>`…`<h6>` by number; deeper than 6 stays 6 (a pane's sections sit one level below its title). */
export function Heading({ level, ...props }: { level: number } & ComponentPropsWithoutRef<'h2'>) {
  return createElement(`h${Math.min(6, Math.max(1, Math.round(level)))}`, props);
}
