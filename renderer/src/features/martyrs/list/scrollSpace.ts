/**
 * The scroll space of a long list. Browsers cap an element's height (Chromium at about 33.5 M
 * layout pixels, which display scaling and zoom reach sooner), so 2,000,000 rows of 36 px
 * (72 M px) cannot each have their own pixel of scroll. Up to MAX_SCROLL_HEIGHT the list is as tall
 * as its rows and a scroll position is a pixel of the rows; past it the scroll space stays
 * MAX_SCROLL_HEIGHT tall and a scroll position stands for a proportional place among the rows, so
 * the first row is at the top of the scroll and the last at its bottom. Pure.
 *
 * `offset`: pixels from the first row's top to the top of what is shown (as if the list were as
 * tall as its rows). `scrollTop`: the scroller's real position.
 */

/** 8 M px: 222,222 rows of 36 px scroll one to one; 25 % of Chromium's cap, so safe at 400 % scale × zoom. */
export const MAX_SCROLL_HEIGHT = 8_000_000;

export interface ScrollSpace {
  /** Height of all the rows. */
  content: number;
  /** Height of the element that makes the scroll space. */
  height: number;
  /** Height shown (the scroller's, less a sticky header). */
  viewport: number;
}

export function scrollSpace(rows: number, rowHeight: number, viewport: number, max = MAX_SCROLL_HEIGHT): ScrollSpace {
  const content = Math.max(0, rows) * rowHeight;
  return { content, height: Math.min(content, Math.max(max, viewport)), viewport: Math.max(0, viewport) };
}

export function isScaled(space: ScrollSpace): boolean {
  return space.content > space.height;
}

/** The largest offset: the last row at the bottom of the viewport. */
export function maxOffset(space: ScrollSpace): number {
  return Math.max(0, space.content - space.viewport);
}

function maxScrollTop(space: ScrollSpace): number {
  return Math.max(0, space.height - space.viewport);
}

const clamp = (value: number, max: number) => Math.min(Math.max(0, value), max);

/** The offset a scroll position shows. */
export function offsetAt(space: ScrollSpace, scrollTop: number): number {
  if (!isScaled(space)) return clamp(scrollTop, maxOffset(space));
  const top = maxScrollTop(space);
  return top === 0 ? 0 : (clamp(scrollTop, top) / top) * maxOffset(space);
}

/** The scroll position that shows an offset. */
export function scrollTopFor(space: ScrollSpace, offset: number): number {
  if (!isScaled(space)) return clamp(offset, maxOffset(space));
  const max = maxOffset(space);
  return max === 0 ? 0 : (clamp(offset, max) / max) * maxScrollTop(space);
}

/** The offset that brings row `index` into view, moving as little as possible (or `offset` when it is in view). */
export function offsetToShow(space: ScrollSpace, offset: number, index: number, rowHeight: number): number {
  const top = index * rowHeight;
  if (top < offset) return top;
  if (top + rowHeight > offset + space.viewport) return clamp(top + rowHeight - space.viewport, maxOffset(space));
  return offset;
}

/** The rows to render for an offset: those in view and `overscan` more each side, [first, last). */
export function rowsInView(space: ScrollSpace, offset: number, rowHeight: number, rows: number, overscan: number): { first: number; last: number; visible: [number, number] } {
  const top = Math.floor(offset / rowHeight);
  const bottom = Math.min(rows, Math.ceil((offset + space.viewport) / rowHeight));
  return { first: Math.max(0, top - overscan), last: Math.min(rows, bottom + overscan), visible: [top, bottom] };
}
