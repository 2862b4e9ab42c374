import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { RunList } from '../../src/primitives';
import './cleanup';
import { makeRun } from './fixtures';

const runs = [
  makeRun({ id: 'run_a', status: 'completed' }),
  makeRun({ id: 'run_b', status: 'requires_action', completed_at: null, usage: null }),
  makeRun({ id: 'run_c', status: 'failed', completed_at: null, failed_at: 1_767_225_605 }),
];

describe('RunList', () => {
  it('is a listbox of options carrying status and selection', () => {
    render(
      <RunList.Root runs={runs} defaultValue="run_b">
        <RunList.Items />
      </RunList.Root>,
    );
    const listbox = screen.getByRole('listbox', { name: 'Runs' });
    expect(listbox).not.toHaveAttribute('aria-busy');
    const selected = screen.getByRole('option', { name: /run_b/ });
    expect(selected).toHaveAttribute('aria-selected', 'true');
    expect(selected).toHaveAttribute('data-state', 'requires_action');
    expect(selected).toHaveAttribute('data-selected', '');
    expect(selected).toHaveAccessibleName('run_b Needs tool outputs');
    expect(screen.getByRole('option', { name: /run_a/ })).toHaveAttribute('aria-selected', 'false');
    // roving tabindex: only the selected option is in the tab order
    expect(screen.getAllByRole('option').map((option) => option.tabIndex)).toEqual([-1, 0, -1]);
  });

  it('moves focus and selection with arrows, Home and End (uncontrolled)', async () => {
    const user = userEvent.setup();
    const onValueChange = vi.fn();
    render(
      <RunList.Root runs={runs} onValueChange={onValueChange}>
        <RunList.Items />
      </RunList.Root>,
    );
    await user.tab();
    expect(screen.getByRole('option', { name: /run_a/ })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    const second = screen.getByRole('option', { name: /run_b/ });
    expect(second).toHaveFocus();
    expect(second).toHaveAttribute('aria-selected', 'true');
    expect(onValueChange).toHaveBeenLastCalledWith('run_b');
    await user.keyboard('{End}');
    expect(screen.getByRole('option', { name: /run_c/ })).toHaveFocus();
    await user.keyboard('{ArrowDown}'); // stays on the last
    expect(screen.getByRole('option', { name: /run_c/ })).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Home}');
    expect(screen.getByRole('option', { name: /run_a/ })).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(screen.getByRole('option', { name: /run_a/ })).toHaveAttribute('aria-selected', 'true');
    expect(onValueChange.mock.calls.map(([id]) => id)).toEqual(['run_b', 'run_c', 'run_a']);
  });

  it('stays on the controlled value until the parent changes it', async () => {
    const user = userEvent.setup();
    const onValueChange = vi.fn();
    const { rerender } = render(
      <RunList.Root runs={runs} value="run_a" onValueChange={onValueChange}>
        <RunList.Items />
      </RunList.Root>,
    );
    await user.click(screen.getByRole('option', { name: /run_c/ }));
    expect(onValueChange).toHaveBeenCalledWith('run_c');
    expect(screen.getByRole('option', { name: /run_a/ })).toHaveAttribute('aria-selected', 'true');
    rerender(
      <RunList.Root runs={runs} value="run_c" onValueChange={onValueChange}>
        <RunList.Items />
      </RunList.Root>,
    );
    expect(screen.getByRole('option', { name: /run_c/ })).toHaveAttribute('aria-selected', 'true');
  });

  it('selects with Enter and Space and works with a state-holding parent', async () => {
    const user = userEvent.setup();
    function Controlled() {
      const [value, setValue] = useState<string | null>(null);
      return (
        <>
          <RunList.Root runs={runs} value={value} onValueChange={setValue}>
            <RunList.Items />
          </RunList.Root>
          <output>{value ?? 'none'}</output>
        </>
      );
    }
    render(<Controlled />);
    expect(screen.getByRole('status')).toHaveTextContent('none');
    await user.tab();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('status')).toHaveTextContent('run_a');
    screen.getByRole('option', { name: /run_c/ }).focus();
    await user.keyboard(' ');
    expect(screen.getByRole('status')).toHaveTextContent('run_c');
  });

  it('composes handlers: preventDefault in the user handler stops selection', async () => {
    const user = userEvent.setup();
    const onValueChange = vi.fn();
    const onClick = vi.fn((event: { preventDefault(): void }) => event.preventDefault());
    render(
      <RunList.Root runs={runs} onValueChange={onValueChange}>
        <RunList.Items>{(run) => <RunList.Item run={run} onClick={onClick} className="row" />}</RunList.Items>
      </RunList.Root>,
    );
    await user.click(screen.getByRole('option', { name: /run_b/ }));
    expect(onClick).toHaveBeenCalled();
    expect(onValueChange).not.toHaveBeenCalled();
    expect(screen.getByRole('option', { name: /run_b/ })).toHaveClass('row');
  });

  it('passes ref, className and extra props through; aria-busy while loading', () => {
    const ref = createRef<HTMLDivElement>();
    render(
      <RunList.Root runs={[]} isLoading label="Thread runs" ref={ref} className="list" data-testid="list">
        <RunList.Items />
        <RunList.Empty>No runs yet</RunList.Empty>
      </RunList.Root>,
    );
    const listbox = screen.getByRole('listbox', { name: 'Thread runs' });
    expect(ref.current).toBe(listbox);
    expect(listbox).toHaveClass('list');
    expect(listbox).toHaveAttribute('aria-busy', 'true');
    expect(listbox).toHaveAttribute('data-loading', '');
    expect(screen.queryByText('No runs yet')).toBeNull();
  });

  it('shows Empty only when there are no runs and nothing loads', () => {
    const { rerender } = render(
      <RunList.Root runs={[]}>
        <RunList.Empty>No runs yet</RunList.Empty>
      </RunList.Root>,
    );
    expect(screen.getByText('No runs yet')).toBeInTheDocument();
    rerender(
      <RunList.Root runs={runs}>
        <RunList.Empty>No runs yet</RunList.Empty>
      </RunList.Root>,
    );
    expect(screen.queryByText('No runs yet')).toBeNull();
  });

  it('LoadOlder / LoadNewer call onLoad and disable while loading or exhausted', async () => {
    const user = userEvent.setup();
    const onLoadOlder = vi.fn();
    const onLoadNewer = vi.fn();
    const { rerender } = render(
      <>
        <RunList.LoadNewer onLoad={onLoadNewer} hasMore={false} />
        <RunList.LoadOlder onLoad={onLoadOlder} />
      </>,
    );
    const older = screen.getByRole('button', { name: 'Load older runs' });
    const newer = screen.getByRole('button', { name: 'Load newer runs' });
    expect(newer).toBeDisabled();
    expect(newer).toHaveAttribute('data-disabled', '');
    await user.click(older);
    expect(onLoadOlder).toHaveBeenCalledTimes(1);
    rerender(
      <>
        <RunList.LoadNewer onLoad={onLoadNewer} hasMore={false} />
        <RunList.LoadOlder onLoad={onLoadOlder} isLoading />
      </>,
    );
    expect(older).toBeDisabled();
    expect(older).toHaveAttribute('aria-busy', 'true');
    await user.click(older);
    expect(onLoadOlder).toHaveBeenCalledTimes(1);
  });
});
