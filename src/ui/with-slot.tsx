'use client';

import { createElement, forwardRef, type ComponentPropsWithoutRef, type ComponentRef, type ElementType } from 'react';
import { cn } from './cn.js';

/**
 * The shadcn/ui wrapper: the primitive unchanged, plus `data-slot="<slot>"` and a stable
 * `rl-<slot>` class merged before the caller's `className`. Props, ref and handlers pass through.
 */
export function withSlot<C extends ElementType>(Primitive: C, slot: string) {
  const Styled = forwardRef<ComponentRef<C>, ComponentPropsWithoutRef<C>>(function Styled(props, ref) {
    const { className, ...rest } = props as { className?: string };
    return createElement(Primitive, { ...rest, ref, 'data-slot': slot, className: cn(`rl-${slot}`, className) });
  });
  Styled.displayName = `Styled(${slot})`;
  return Styled;
}
