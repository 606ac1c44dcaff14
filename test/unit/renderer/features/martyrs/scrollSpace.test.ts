import { describe, expect, it } from 'vitest';
import { isScaled, MAX_SCROLL_HEIGHT, maxOffset, offsetAt, offsetToShow, rowsInView, scrollSpace, scrollTopFor } from '../../../../../renderer/src/features/martyrs/list/scrollSpace';

const ROW = 36;
/** Chromium's cap on an element's height, in layout pixels. */
const CHROMIUM_CAP = 33_554_428;

describe('the scroll space of a long list', () => {
  it('a county or a province scrolls one pixel for one pixel', () => {
    const space = scrollSpace(60_000, ROW, 500);
    expect(isScaled(space)).toBe(false);
    expect(space.height).toBe(60_000 * ROW);
    for (const top of [0, 1, 12_345, maxOffset(space)]) {
      expect(offsetAt(space, top)).toBe(top);
      expect(scrollTopFor(space, top)).toBe(top);
    }
    expect(offsetAt(space, maxOffset(space) + 100)).toBe(maxOffset(space));
  });

  it('the national roll (2,000,000 rows, 72 M px) is scaled into a space every browser can hold', () => {
    const space = scrollSpace(2_000_000, ROW, 500);
    expect(space.content).toBe(72_000_000);
    expect(isScaled(space)).toBe(true);
    expect(space.height).toBe(MAX_SCROLL_HEIGHT);
    // Safe at 400 % (display scale × zoom), where Chromium's cap is a quarter in CSS pixels.
    expect(space.height * 4).toBeLessThanOrEqual(CHROMIUM_CAP);
    // The top shows the first row, the bottom the last.
    expect(offsetAt(space, 0)).toBe(0);
    const bottom = offsetAt(space, space.height - space.viewport);
    expect(bottom).toBe(maxOffset(space));
    expect(Math.floor(bottom / ROW) + Math.ceil(space.viewport / ROW)).toBeGreaterThanOrEqual(2_000_000);
  });

  it('every row of 2,000,000 is reachable: scroll position ↔ offset round-trips, and one pixel of scroll moves only a few rows', () => {
    const space = scrollSpace(2_000_000, ROW, 500);
    const scale = maxOffset(space) / (space.height - space.viewport);
    expect(scale).toBeGreaterThan(8);
    expect(scale).toBeLessThan(10);
    for (const row of [0, 1, 999_999, 1_000_000, 1_999_986]) {
      const offset = row * ROW;
      expect(offsetAt(space, scrollTopFor(space, offset))).toBeCloseTo(offset, 3);
    }
    // A pixel of scrollbar is under 10 rows: the wheel and keyboard reach the rest one to one.
    expect(offsetAt(space, 1) / ROW).toBeLessThan(10);
    // Monotone: a lower scroll position never shows a later row.
    let previous = -1;
    for (let top = 0; top <= space.height - space.viewport; top += 97_531) {
      const offset = offsetAt(space, top);
      expect(offset).toBeGreaterThan(previous);
      previous = offset;
    }
  });

  it('the threshold: just under it plain, just over it scaled, and continuous at the edges', () => {
    const rows = MAX_SCROLL_HEIGHT / ROW;
    expect(isScaled(scrollSpace(Math.floor(rows), ROW, 500))).toBe(false);
    const over = scrollSpace(Math.floor(rows) + 1, ROW, 500);
    expect(isScaled(over)).toBe(true);
    expect(offsetAt(over, 1000)).toBeCloseTo(1000, 0);
  });

  it('an empty or short list, and a viewport taller than the rows', () => {
    expect(maxOffset(scrollSpace(0, ROW, 500))).toBe(0);
    const short = scrollSpace(5, ROW, 500);
    expect(maxOffset(short)).toBe(0);
    expect(offsetAt(short, 40)).toBe(0);
    expect(scrollTopFor(short, 40)).toBe(0);
    expect(rowsInView(short, 0, ROW, 5, 10)).toEqual({ first: 0, last: 5, visible: [0, 5] });
  });

  it('brings a row into view moving as little as possible', () => {
    const space = scrollSpace(2_000_000, ROW, 360);
    expect(offsetToShow(space, 0, 3, ROW)).toBe(0);
    expect(offsetToShow(space, 0, 10, ROW)).toBe(11 * ROW - 360);
    expect(offsetToShow(space, 100 * ROW, 50, ROW)).toBe(50 * ROW);
    expect(offsetToShow(space, 0, 1_999_999, ROW)).toBe(maxOffset(space));
  });

  it('the rows to render: those in view and the overscan, never past the end', () => {
    const space = scrollSpace(2_000_000, ROW, 360);
    expect(rowsInView(space, 1000 * ROW + 18, ROW, 2_000_000, 10)).toEqual({ first: 990, last: 1021, visible: [1000, 1011] });
    expect(rowsInView(space, maxOffset(space), ROW, 2_000_000, 10)).toEqual({ first: 1_999_980, last: 2_000_000, visible: [1_999_990, 2_000_000] });
  });
});
