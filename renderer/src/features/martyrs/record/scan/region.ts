/**
 * The region of a scanned page a record was keyed from, and the geometry between the page and the
 * screen. A region is stored as fractions (0–1) of the page **as scanned** (unrotated), so zooming
 * or turning the page on screen never changes what it points at. Pure.
 *
 * "View" below is the page as drawn: rotated clockwise by `rotation` (as CSS `rotate()` does),
 * with fractions of its on-screen bounding box.
 */
export interface Region {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Point {
  x: number;
  y: number;
}

export type Rotation = 0 | 90 | 180 | 270;

/** A region narrower or lower than this (1 % of the page) is a slip of the hand, not a region. */
export const MIN_REGION = 0.01;
/** A drag shorter than this many screen pixels either way is a click. */
export const MIN_DRAG_PX = 6;

const clamp01 = (n: number) => (Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0);
/** Four decimals: a tenth of a millimetre on an A4 page, and short JSON. */
const round = (n: number) => Math.round(n * 10_000) / 10_000;

/** Any angle in degrees → 0, 90, 180 or 270. */
export function normalizeRotation(degrees: number): Rotation {
  const quarter = ((Math.round(degrees / 90) % 4) + 4) % 4;
  return (quarter * 90) as Rotation;
}

/** A point of the page → the same point on screen. */
export function pageToView(p: Point, rotation: Rotation): Point {
  switch (rotation) {
    case 90:
      return { x: 1 - p.y, y: p.x };
    case 180:
      return { x: 1 - p.x, y: 1 - p.y };
    case 270:
      return { x: p.y, y: 1 - p.x };
    default:
      return { x: p.x, y: p.y };
  }
}

/** A point on screen → the same point of the page. */
export function viewToPage(v: Point, rotation: Rotation): Point {
  switch (rotation) {
    case 90:
      return { x: v.y, y: 1 - v.x };
    case 180:
      return { x: 1 - v.x, y: 1 - v.y };
    case 270:
      return { x: 1 - v.y, y: v.x };
    default:
      return { x: v.x, y: v.y };
  }
}

function rectThrough(a: Point, b: Point): Region {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, w: Math.abs(a.x - b.x), h: Math.abs(a.y - b.y) };
}

/** The region as it lies on screen (fractions of the rotated page's bounding box). */
export function regionToView(r: Region, rotation: Rotation): Region {
  return rectThrough(pageToView({ x: r.x, y: r.y }, rotation), pageToView({ x: r.x + r.w, y: r.y + r.h }, rotation));
}

/** Kept inside the page (a region sticking out is cut at the edge), rounded; null when nothing is left. */
export function clampRegion(r: Region): Region | null {
  const x1 = clamp01(r.x);
  const y1 = clamp01(r.y);
  const x2 = clamp01(r.x + r.w);
  const y2 = clamp01(r.y + r.h);
  const x = round(Math.min(x1, x2));
  const y = round(Math.min(y1, y2));
  const w = round(Math.min(1 - x, Math.abs(x2 - x1)));
  const h = round(Math.min(1 - y, Math.abs(y2 - y1)));
  return w > 0 && h > 0 ? { x, y, w, h } : null;
}

/**
 * The region a mouse drag drew: `start` and `end` in pixels from the top-left corner of the page
 * as drawn (`box` its on-screen size, whatever the zoom), `rotation` how it is turned. Points
 * outside the page are pulled to its edge. Null for a click or a sliver (under MIN_DRAG_PX on
 * screen or MIN_REGION of the page either way).
 */
export function regionFromDrag(start: Point, end: Point, box: { width: number; height: number }, rotation: Rotation, minPx = MIN_DRAG_PX): Region | null {
  if (!(box.width > 0 && box.height > 0)) return null;
  if (Math.abs(end.x - start.x) < minPx || Math.abs(end.y - start.y) < minPx) return null;
  const a = viewToPage({ x: clamp01(start.x / box.width), y: clamp01(start.y / box.height) }, rotation);
  const b = viewToPage({ x: clamp01(end.x / box.width), y: clamp01(end.y / box.height) }, rotation);
  const region = clampRegion(rectThrough(a, b));
  if (!region || region.w < MIN_REGION || region.h < MIN_REGION) return null;
  return region;
}

/** The same region, as saved (rounded) — so a region read back from the record compares equal. */
export function sameRegion(a: Region | null, b: Region | null): boolean {
  if (!a || !b) return a === b;
  return round(a.x) === round(b.x) && round(a.y) === round(b.y) && round(a.w) === round(b.w) && round(a.h) === round(b.h);
}

/**
 * The zoom (an index into `zooms`, factors of "fit the panel's width") at which the region fills
 * most of the viewport without spilling over, at most `maxZoom`. `boxAspect` is width / height of
 * the page as drawn (rotation applied); at factor 1 the drawn page is `panelWidth` wide.
 */
export function zoomToShow(
  region: Region,
  rotation: Rotation,
  boxAspect: number,
  panelWidth: number,
  viewport: { width: number; height: number },
  zooms: readonly number[],
  maxZoom = 2,
): number {
  const view = regionToView(region, rotation);
  const fitWidth = view.w > 0 ? (viewport.width * 0.9) / (view.w * panelWidth) : Infinity;
  const fitHeight = view.h > 0 && boxAspect > 0 ? (viewport.height * 0.9) / ((view.h * panelWidth) / boxAspect) : Infinity;
  const ideal = Math.min(fitWidth, fitHeight, maxZoom);
  let best = 0;
  zooms.forEach((z, i) => {
    if (z <= ideal + 1e-9) best = i;
  });
  return best;
}

/**
 * Where to scroll so that a rectangle of the content (pixels) sits in the middle of the viewport;
 * a rectangle larger than the viewport shows its top-left corner. Never negative.
 */
export function scrollToShow(rect: { left: number; top: number; width: number; height: number }, viewport: { width: number; height: number }): { left: number; top: number } {
  const along = (start: number, size: number, room: number) => Math.max(0, size >= room ? start - 8 : start + size / 2 - room / 2);
  return { left: Math.round(along(rect.left, rect.width, viewport.width)), top: Math.round(along(rect.top, rect.height, viewport.height)) };
}
