'use client';

import { RunList } from '../primitives/index.js';
import { withSlot } from './with-slot.js';

// Items renders no element of its own, so it passes through unwrapped.
/**
 * The styled runs listbox. `<RunListView runs={runs}>` is the Root; parts hang off it.
 *
 * @example
 * <RunListView runs={runs} value={id} onValueChange={setId}>
 *   <RunListView.Items>{(run) => <RunListView.Item run={run}>{run.id}</RunListView.Item>}</RunListView.Items>
 * </RunListView>
 */
export const RunListView = Object.assign(withSlot(RunList.Root, 'run-list'), {
  Items: RunList.Items,
  Item: withSlot(RunList.Item, 'run-list-item'),
  LoadOlder: withSlot(RunList.LoadOlder, 'run-list-load-older'),
  LoadNewer: withSlot(RunList.LoadNewer, 'run-list-load-newer'),
  Empty: withSlot(RunList.Empty, 'run-list-empty'),
});
