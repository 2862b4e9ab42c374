import { useId, type ReactNode } from 'react';

/**
 * A `<figure>` named by its caption through `aria-labelledby` (the implicit figcaption name is not
 * computed by every accessibility tree, jsdom's included).
 */
export function Figure({ caption, children, ...props }: { caption: string; children: ReactNode; 'data-part'?: string; 'data-state'?: string }) {
  const id = useId();
  return (
    <figure aria-labelledby={id} {...props}>
      <figcaption id={id}>{caption}</figcaption>
      {children}
    </figure>
  );
}
