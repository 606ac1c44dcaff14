import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  clampRegion,
  normalizeRotation,
  pageToView,
  regionFromDrag,
  regionToView,
  sameRegion,
  scrollToShow,
  viewToPage,
  zoomToShow,
  type Rotation,
} from '../../../../../renderer/src/features/martyrs/record/scan/region';

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 2.5, 3, 4];
const rotations: Rotation[] = [0, 90, 180, 270];

describe('page ↔ screen under rotation', () => {
  it('turns the page’s top-left corner clockwise', () => {
    expect(pageToView({ x: 0, y: 0 }, 0)).toEqual({ x: 0, y: 0 });
    expect(pageToView({ x: 0, y: 0 }, 90)).toEqual({ x: 1, y: 0 });
    expect(pageToView({ x: 0, y: 0 }, 180)).toEqual({ x: 1, y: 1 });
    expect(pageToView({ x: 0, y: 0 }, 270)).toEqual({ x: 0, y: 1 });
  });

  it('viewToPage undoes pageToView for every rotation', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...rotations), (x, y, r) => {
        const back = viewToPage(pageToView({ x, y }, r), r);
        expect(back.x).toBeCloseTo(x, 12);
        expect(back.y).toBeCloseTo(y, 12);
      }),
    );
  });

  it('normalizes any angle to a quarter turn', () => {
    expect(normalizeRotation(0)).toBe(0);
    expect(normalizeRotation(450)).toBe(90);
    expect(normalizeRotation(-90)).toBe(270);
    expect(normalizeRotation(720)).toBe(0);
  });
});

describe('a region drawn with the mouse', () => {
  const box = { width: 400, height: 600 };

  it('is stored as fractions of the unrotated page', () => {
    expect(regionFromDrag({ x: 40, y: 60 }, { x: 240, y: 360 }, box, 0)).toEqual({ x: 0.1, y: 0.1, w: 0.5, h: 0.5 });
    // Dragged from the bottom-right to the top-left: the same rectangle.
    expect(regionFromDrag({ x: 240, y: 360 }, { x: 40, y: 60 }, box, 0)).toEqual({ x: 0.1, y: 0.1, w: 0.5, h: 0.5 });
  });

  it('does not depend on the zoom: the same part of the page at twice the size is the same region', () => {
    const small = regionFromDrag({ x: 40, y: 60 }, { x: 240, y: 360 }, box, 0);
    const big = regionFromDrag({ x: 80, y: 120 }, { x: 480, y: 720 }, { width: 800, height: 1200 }, 0);
    expect(big).toEqual(small);
  });

  it('on a page turned 90° points at the part of the unrotated page under the mouse', () => {
    // A portrait page 400 × 600 turned 90° is drawn 600 wide and 400 high. The top strip of the
    // screen (y 0–40) is the left strip of the page (x 0–0.1); screen x 0–300 is page y 0.5–1.
    const region = regionFromDrag({ x: 0, y: 0 }, { x: 300, y: 40 }, { width: 600, height: 400 }, 90);
    expect(region).toEqual({ x: 0, y: 0.5, w: 0.1, h: 0.5 });
    // And drawn back on screen it covers what was dragged.
    expect(regionToView(region!, 90)).toEqual({ x: 0, y: 0, w: 0.5, h: 0.1 });
  });

  it('survives every rotation: drawn on screen, stored, drawn again in the same place', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 20, max: 100 }),
        fc.integer({ min: 20, max: 100 }),
        fc.constantFrom(...rotations),
        (left, top, width, height, r) => {
          const screen = r % 180 === 0 ? box : { width: box.height, height: box.width };
          const region = regionFromDrag({ x: left, y: top }, { x: left + width, y: top + height }, screen, r);
          expect(region).not.toBeNull();
          const view = regionToView(region!, r);
          expect(view.x * screen.width).toBeCloseTo(left, 0);
          expect(view.y * screen.height).toBeCloseTo(top, 0);
          expect(view.w * screen.width).toBeCloseTo(width, 0);
          expect(view.h * screen.height).toBeCloseTo(height, 0);
        },
      ),
    );
  });

  it('is clamped to the page when the mouse leaves it', () => {
    expect(regionFromDrag({ x: -50, y: -50 }, { x: 200, y: 900 }, box, 0)).toEqual({ x: 0, y: 0, w: 0.5, h: 1 });
    expect(regionFromDrag({ x: 380, y: 500 }, { x: 9999, y: 9999 }, box, 180)).toEqual({ x: 0, y: 0, w: 0.05, h: 0.1667 });
  });

  it('is nothing for a click, a sliver or an empty box', () => {
    expect(regionFromDrag({ x: 100, y: 100 }, { x: 103, y: 180 }, box, 0)).toBeNull();
    expect(regionFromDrag({ x: 100, y: 100 }, { x: 180, y: 102 }, box, 0)).toBeNull();
    // 8 px of a 2000 px page is under 1 % of it.
    expect(regionFromDrag({ x: 100, y: 100 }, { x: 108, y: 300 }, { width: 2000, height: 3000 }, 0)).toBeNull();
    expect(regionFromDrag({ x: 0, y: 0 }, { x: 50, y: 50 }, { width: 0, height: 0 }, 0)).toBeNull();
  });
});

describe('clampRegion', () => {
  it('cuts what sticks out and rounds to four decimals', () => {
    expect(clampRegion({ x: 0.9, y: -0.2, w: 0.5, h: 0.5 })).toEqual({ x: 0.9, y: 0, w: 0.1, h: 0.3 });
    expect(clampRegion({ x: 0.123456, y: 0.5, w: 0.2, h: 0.2 })).toEqual({ x: 0.1235, y: 0.5, w: 0.2, h: 0.2 });
    expect(clampRegion({ x: 1.2, y: 0, w: 0.5, h: 0.5 })).toBeNull();
    expect(clampRegion({ x: Number.NaN, y: 0, w: 0.5, h: 0.5 })).toBeNull();
  });

  it('sameRegion compares as saved', () => {
    expect(sameRegion({ x: 0.10001, y: 0.2, w: 0.3, h: 0.4 }, { x: 0.1, y: 0.2, w: 0.3, h: 0.4 })).toBe(true);
    expect(sameRegion({ x: 0.1, y: 0.2, w: 0.3, h: 0.4 }, null)).toBe(false);
    expect(sameRegion(null, null)).toBe(true);
  });
});

describe('bringing a region into view', () => {
  const viewport = { width: 400, height: 500 };

  it('zooms in on a line of the roll, up to 200 %', () => {
    // A line across 80 % of the page width, 3 % of its height: at 100 % it already fills the width.
    expect(ZOOMS[zoomToShow({ x: 0.1, y: 0.5, w: 0.8, h: 0.03 }, 0, 0.7, 400, viewport, ZOOMS)]).toBe(1);
    // A small entry in one corner: zoomed in, but not past 200 %.
    expect(ZOOMS[zoomToShow({ x: 0.7, y: 0.8, w: 0.2, h: 0.05 }, 0, 0.7, 400, viewport, ZOOMS)]).toBe(2);
  });

  it('zooms out when the region is taller than the viewport', () => {
    expect(ZOOMS[zoomToShow({ x: 0, y: 0, w: 1, h: 1 }, 0, 0.7, 400, viewport, ZOOMS)]).toBe(0.75);
  });

  it('measures the region as it lies on screen when the page is turned', () => {
    // Tall and thin on the page: wide and flat on screen once turned.
    const tall = { x: 0.45, y: 0.1, w: 0.05, h: 0.8 };
    expect(ZOOMS[zoomToShow(tall, 0, 0.7, 400, viewport, ZOOMS)]).toBeLessThan(ZOOMS[zoomToShow(tall, 90, 1 / 0.7, 400, viewport, ZOOMS)]!);
  });

  it('centres the region, or shows its top-left corner when it is larger than the viewport', () => {
    expect(scrollToShow({ left: 600, top: 900, width: 100, height: 50 }, viewport)).toEqual({ left: 450, top: 675 });
    expect(scrollToShow({ left: 10, top: 10, width: 100, height: 50 }, viewport)).toEqual({ left: 0, top: 0 });
    expect(scrollToShow({ left: 600, top: 900, width: 800, height: 900 }, viewport)).toEqual({ left: 592, top: 892 });
  });
});
