import { render, screen } from '@testing-library/react';
import { createRef } from 'react';
import { describe, expect, it } from 'vitest';
import { DeadlineView, RunStatusBadge, UsageView } from '../../src/ui';

describe('styled wrappers', () => {
  it('add data-slot and a stable rl-* class, merge className, and forward the ref and props', () => {
    const ref = createRef<HTMLSpanElement>();
    render(<RunStatusBadge ref={ref} status="requires_action" className="mine" title="status" />);
    const badge = screen.getByRole('status');
    expect(badge).toBe(ref.current);
    expect(badge).toHaveAttribute('data-slot', 'run-status');
    expect(badge).toHaveAttribute('data-state', 'requires_action');
    expect(badge).toHaveAttribute('title', 'status');
    expect(badge.className).toBe('rl-run-status mine');
    expect(badge).toHaveTextContent('Needs tool outputs');
  });

  it('keep the primitive’s behaviour (Usage dashes before usage, Deadline countdown state)', () => {
    render(
      <>
        <UsageView usage={null} />
        <DeadlineView expiresAt={1_000} now={1_000_000 - 30_000} />
      </>,
    );
    expect(screen.getByText('Total tokens').closest('dl')).toHaveClass('rl-usage');
    expect(screen.getByRole('timer')).toHaveAttribute('data-state', 'soon');
    expect(screen.getByRole('timer')).toHaveAttribute('data-slot', 'deadline');
  });
});
