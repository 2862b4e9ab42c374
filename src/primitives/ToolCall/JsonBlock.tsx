'use client';

import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { formatJsonText } from './prettyJson.js';

export interface JsonBlockProps extends Omit<ComponentPropsWithoutRef<'pre'>, 'children'> {
  /** JSON text, or any text; shown indented when it parses, verbatim otherwise. */
  text: string;
}

/** A `<pre>` holding `text` as a text node; `data-format` says whether it was JSON. */
export const JsonBlock = forwardRef<HTMLPreElement, JsonBlockProps>(function JsonBlock({ text, ...props }, ref) {
  const formatted = formatJsonText(text);
  return (
    <pre data-format={formatted.json ? 'json' : 'text'} {...props} ref={ref}>
      {formatted.text}
    </pre>
  );
});
JsonBlock.displayName = 'ToolCall.Json';
