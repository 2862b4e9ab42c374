import { render, screen } from '@testing-library/react';
import { createRef } from 'react';
import { describe, expect, it } from 'vitest';
import { Deadline, RunStatus, Usage } from '../../src/primitives';
import './cleanup';
import { T0 } from './fixtures';

describe('RunStatus', () => {
  it('is a polite live status with data-state and the human label', () => {
    const ref = createRef<HTMLSpanElement>();
    render(<RunStatus.Root status="requires_action" ref={ref} className="badge" title="status" />);
    const status = screen.getByRole('status');
    expect(ref.current).toBe(status);
    expect(status).toHaveTextContent('Needs tool outputs');
    expect(status).toHaveAttribute('aria-live', 'polite');
    expect(status).toHaveAttribute('data-state', 'requires_action');
    expect(status).toHaveClass('badge');
    expect(status).toHaveAttribute('title', 'status');
  });

  it('takes a label or children instead', () => {
    const { rerender } = render(<RunStatus.Root status="failed" label="Broke" />);
    expect(screen.getByRole('status')).toHaveTextContent('Broke');
    rerender(<RunStatus.Root status="failed">Custom</RunStatus.Root>);
    expect(screen.getByRole('status')).toHaveTextContent('Custom');
  });
});

describe('Usage', () => {
  const usage = { prompt_tokens: 1200, completion_tokens: 345, total_tokens: 1545 };
  const value = (term: string) => screen.getByText(term).nextElementSibling?.textContent;

  it('lists tokens and the cost when the model has a price', () => {
    const ref = createRef<HTMLDListElement>();
    render(
      <Usage.Root
        usage={usage}
        model="gpt-4o"
        prices={{ 'gpt-4o': { promptPerMillion: 2.5, completionPerMillion: 10 } }}
        ref={ref}
        className="usage"
      />,
    );
    expect(ref.current?.tagName).toBe('DL');
    expect(ref.current).toHaveClass('usage');
    expect(value('Prompt tokens')).toBe('1,200');
    expect(value('Completion tokens')).toBe('345');
    expect(value('Total tokens')).toBe('1,545');
    expect(value('Cost')).toBe('$0.0065');
  });

  it('shows dashes while usage is null and no cost without a price', () => {
    render(<Usage.Root usage={null} model="other" prices={{ 'gpt-4o': { promptPerMillion: 1, completionPerMillion: 1 } }} />);
    expect(value('Total tokens')).toBe('—');
    expect(screen.queryByText('Cost')).toBeNull();
  });
});

describe('Deadline', () => {
  it('counts down as a timer with data-state', () => {
    const ref = createRef<HTMLSpanElement>();
    const { rerender } = render(<Deadline.Root expiresAt={T0 + 600} now={(T0 + 2) * 1000} ref={ref} />);
    const timer = screen.getByRole('timer');
    expect(ref.current).toBe(timer);
    expect(timer).toHaveTextContent('9:58 left');
    expect(timer).toHaveAttribute('data-state', 'ok');
    rerender(<Deadline.Root expiresAt={T0 + 600} now={(T0 + 570) * 1000} />);
    expect(timer).toHaveTextContent('0:30 left');
    expect(timer).toHaveAttribute('data-state', 'soon');
    rerender(<Deadline.Root expiresAt={T0 + 600} now={(T0 + 601) * 1000} />);
    expect(timer).toHaveTextContent('Expired');
    expect(timer).toHaveAttribute('data-state', 'expired');
  });

  it('renders nothing without a deadline', () => {
    const { container } = render(<Deadline.Root expiresAt={null} now={0} />);
    expect(container).toBeEmptyDOMElement();
  });
});
