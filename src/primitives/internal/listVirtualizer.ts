import { EMPTY_RANGE, rowOffsets, visibleRange, type RowRange } from './virtualWindow.js';

/** Viewport assumed while the scroll container reports no size (jsdom, the server, or not laid out yet). */
export const FALLBACK_VIEWPORT = { width: 800, height: 600 } as const;

export interface VirtualItem {
  index: number;
  /** The item's `id`: stable while rows are inserted or removed around it. */
  key: string;
  start: number;
  size: number;
}

export interface ListVirtualizerOptions {
  /** The rows' items; each row is keyed by its `id`. */
  items: readonly { id: string }[];
  /** Every row's height before it is measured, or each row's (by index) when rows differ in a known way. */
  estimateSize: number | ((index: number) => number);
  overscan: number;
}

/** Where `scrollToIndex` puts the row: `auto` scrolls only as far as needed to show it whole. */
export type ScrollAlign = 'auto' | 'start' | 'center' | 'end';

/**
 * The state of one virtual list, with no React: row sizes (measured, or the estimate), prefix
 * offsets, the viewport and scroll offset of the attached scroll element, and the rows to render.
 * Offsets are recomputed only when the items, the estimate or a measured size change; a scroll
 * frame is one binary search, and asks for a render only when the window of rows moved.
 * `onChange()` asks the owner to re-render; it is only called from scroll and resize callbacks,
 * never during a render or commit, so the owner can render at once (before paint).
 */
export class ListVirtualizer {
  private options: ListVirtualizerOptions = { items: [], estimateSize: 0, overscan: 0 };
  private readonly measured = new Map<string, number>();
  private readonly rowKeys = new Map<Element, string>();
  private offsetsCache: Float64Array | null = null;
  /** Bumped whenever an offset changes, so the rendered rows know they are stale. */
  private offsetsVersion = 0;
  private rendered: { version: number; range: RowRange; items: VirtualItem[] } | null = null;
  private element: HTMLElement | null = null;
  private scrollOffset = 0;
  /** null until read from the element. */
  viewport: { width: number; height: number } | null = null;
  /** Before the element is read: render for FALLBACK_VIEWPORT (server, hydration) or render no rows. */
  guessViewport = true;
  private viewportObserver: ResizeObserver | null = null;
  private rowObserver: ResizeObserver | null = null;

  constructor(private readonly onChange: () => void) {}

  setOptions(options: ListVirtualizerOptions): void {
    const previous = this.options;
    this.options = options;
    if (options.items !== previous.items || options.estimateSize !== previous.estimateSize) this.invalidateOffsets();
  }

  private invalidateOffsets(): void {
    this.offsetsCache = null;
    this.offsetsVersion++;
  }

  private get offsets(): Float64Array {
    const { items, estimateSize } = this.options;
    const estimate = typeof estimateSize === 'number' ? () => estimateSize : estimateSize;
    this.offsetsCache ??= rowOffsets(items.length, (index) => this.measured.get(items[index]!.id) ?? estimate(index));
    return this.offsetsCache;
  }

  private range(): RowRange {
    const height = this.viewport?.height ?? (this.guessViewport ? FALLBACK_VIEWPORT.height : null);
    return height === null ? EMPTY_RANGE : visibleRange(this.offsets, this.scrollOffset, height, this.options.overscan);
  }

  getTotalSize(): number {
    return this.offsets[this.options.items.length] ?? 0;
  }

  /**
   * Scrolls so row `index` is in view (clamped to the list), from its offset: the row need not be
   * mounted. Writes the element's `scrollTop` and records the offset at once, so the owner's next
   * render mounts the row without waiting for the scroll event; does not call `onChange` (call it
   * from a state update, an event handler or an effect). True when the offset moved.
   */
  scrollToIndex(index: number, align: ScrollAlign = 'auto'): boolean {
    const count = this.options.items.length;
    if (count === 0) return false;
    const row = Math.min(Math.max(Math.trunc(index), 0), count - 1);
    const offsets = this.offsets;
    const top = offsets[row]!;
    const bottom = offsets[row + 1]!;
    const height = this.viewport?.height ?? FALLBACK_VIEWPORT.height;
    let next = this.scrollOffset;
    if (align === 'start') next = top;
    else if (align === 'end') next = bottom - height;
    else if (align === 'center') next = top - (height - (bottom - top)) / 2;
    else if (top < this.scrollOffset) next = top;
    else if (bottom > this.scrollOffset + height) next = bottom - height;
    next = Math.max(0, Math.min(next, this.getTotalSize() - height));
    if (next === this.scrollOffset) return false;
    this.scrollOffset = next;
    if (this.element) this.element.scrollTop = next;
    return true;
  }

  /** The viewport height rows are laid out for (the fallback's while the element reports none). */
  getViewportHeight(): number {
    return this.viewport?.height ?? FALLBACK_VIEWPORT.height;
  }

  /** The rows in view plus overscan, the same array until that window or an offset changes. */
  getVirtualItems(): VirtualItem[] {
    const offsets = this.offsets;
    const range = this.range();
    const last = this.rendered;
    if (last && last.version === this.offsetsVersion && last.range.start === range.start && last.range.end === range.end) return last.items;
    const items: VirtualItem[] = [];
    for (let index = range.start; index <= range.end; index++) {
      items.push({ index, key: this.options.items[index]!.id, start: offsets[index]!, size: offsets[index + 1]! - offsets[index]! });
    }
    this.rendered = { version: this.offsetsVersion, range, items };
    return items;
  }

  /** Follows `element` (or none): reads its size and scroll offset now, then on resize and scroll. */
  attach(element: HTMLElement | null): void {
    if (element === this.element) return;
    this.detach();
    this.element = element;
    if (!element) return;
    element.addEventListener('scroll', this.onScroll, { passive: true });
    if (typeof ResizeObserver !== 'undefined') {
      this.viewportObserver = new ResizeObserver(this.onViewportResize);
      this.viewportObserver.observe(element);
      this.rowObserver = new ResizeObserver(this.onRowsResize);
      for (const row of this.rowKeys.keys()) this.rowObserver.observe(row);
    }
    this.scrollOffset = element.scrollTop;
    this.readViewport();
  }

  detach(): void {
    this.element?.removeEventListener('scroll', this.onScroll);
    this.viewportObserver?.disconnect();
    this.rowObserver?.disconnect();
    this.viewportObserver = this.rowObserver = null;
    this.element = null;
  }

  /** Whether the rows to render differ from the last `getVirtualItems()` (false before the first). */
  needsRender(): boolean {
    const last = this.rendered;
    if (!last) return false;
    const range = this.range();
    return last.version !== this.offsetsVersion || last.range.start !== range.start || last.range.end !== range.end;
  }

  /**
   * A row's ref (the row needs `data-index`): observes it. The observer's first report comes after
   * the browser's own layout and before paint, so measuring costs no forced layout in the commit.
   */
  measureElement = (row: HTMLElement | null): void => {
    if (!row) return;
    const key = this.options.items[Number(row.dataset.index)]?.id;
    if (key === undefined) return;
    this.rowKeys.set(row, key);
    this.rowObserver?.observe(row);
  };

  /** The ref's detach: stop observing `row`. */
  unmeasureElement(row: HTMLElement): void {
    this.rowKeys.delete(row);
    this.rowObserver?.unobserve(row);
  }

  /** Records a row's height (see resizeRows); true if it changed. A 0 px row (no layout: jsdom, a hidden tab) keeps its estimate. */
  resizeRow(key: string, height: number): boolean {
    const size = Math.round(height);
    if (size <= 0 || size === this.measured.get(key)) return false;
    // Read before recording the size: a rebuild here must not count the change the shift below adds.
    const offsets = this.offsets;
    this.measured.set(key, size);
    const index = this.indexOf(key);
    if (index < 0) return false;
    // The size the offsets hold: the last measurement, or the estimate.
    const previous = offsets[index + 1]! - offsets[index]!;
    if (size === previous) return false;
    const delta = size - previous;
    const start = offsets[index]!;
    // Shift the rows below in place: additions over a typed array, not a rebuild with a lookup per row.
    for (let i = index + 1; i < offsets.length; i++) offsets[i]! += delta;
    this.offsetsVersion++;
    // A row above the viewport changed: move the scroll position with it so the rows in view stay put
    // (written to the element by resizeRows, after the re-render has resized the content).
    if (start < this.scrollOffset) this.scrollOffset += delta;
    return true;
  }

  /** Records measured row heights, re-renders if one changed, then keeps the rows in view where they were. */
  resizeRows(sizes: Iterable<readonly [key: string, height: number]>): void {
    let changed = false;
    for (const [key, height] of sizes) if (this.resizeRow(key, height)) changed = true;
    if (!changed) return;
    this.onChange();
    if (this.element && this.element.scrollTop !== this.scrollOffset) this.element.scrollTop = this.scrollOffset;
  }

  /** Row `key`'s index: rows being measured are rendered ones, so look there before scanning every item. */
  private indexOf(key: string): number {
    const rendered = this.rendered?.items.find((item) => item.key === key);
    if (rendered && this.options.items[rendered.index]?.id === key) return rendered.index;
    return this.options.items.findIndex((item) => item.id === key);
  }

  private readViewport(): void {
    const element = this.element;
    if (!element) return;
    const { clientWidth: width, clientHeight: height } = element;
    this.viewport = width === 0 && height === 0 ? FALLBACK_VIEWPORT : { width, height };
  }

  private readonly onScroll = (): void => {
    if (!this.element) return;
    this.scrollOffset = this.element.scrollTop;
    if (this.needsRender()) this.onChange();
  };

  private readonly onViewportResize = (): void => {
    this.readViewport();
    if (this.needsRender()) this.onChange();
  };

  private readonly onRowsResize = (entries: ResizeObserverEntry[]): void => {
    const sizes: [string, number][] = [];
    for (const entry of entries) {
      const key = this.rowKeys.get(entry.target);
      if (key !== undefined) sizes.push([key, entry.borderBoxSize?.[0]?.blockSize ?? entry.target.getBoundingClientRect().height]);
    }
    this.resizeRows(sizes);
  };
}
