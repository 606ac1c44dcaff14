/**
 * A virtualized list of fixed-height rows: only the rows on screen (and a few around them) are in
 * the DOM, whatever the list's length. The parent owns the selection; this scrolls the selected
 * row into view and reports the visible range so the pages it needs can be fetched.
 *
 * Past MAX_SCROLL_HEIGHT of rows the scroll space is scaled (scrollSpace.ts): dragging the
 * scrollbar goes to the proportional place among all the rows, the wheel moves the rows one to one
 * (handled here, since a native wheel step would move them as many times farther as the scale;
 * so is Space).
 * The rows are placed from the offset they show, not from the scroll position.
 */
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode, type Ref } from 'react';
import { Box } from '@mui/material';
import { isScaled, maxOffset, offsetAt, offsetToShow, rowsInView, scrollSpace, scrollTopFor, type ScrollSpace } from './scrollSpace';

export const ROW_HEIGHT = 36;
const OVERSCAN = 10;

interface Props {
  /** Rows the list can show (loaded or not); a loader row may be the last one. */
  rowCount: number;
  renderRow: (index: number) => ReactNode;
  selectedIndex: number;
  /** Changes when a key moves the selection: the selected row is brought into view even if it did not change (Home on the first row scrolled away). */
  revealKey?: number;
  onRange: (from: number, to: number) => void;
  header?: ReactNode;
  /** The offset (px from the first row) to start at (returning to the list). */
  initialOffset?: number;
  onOffset?: (offset: number) => void;
  testId?: string;
  label?: string;
  containerRef?: Ref<HTMLDivElement>;
  /** Recomputes the range when this changes (new rows arrived). */
  version?: number;
  minWidth?: number;
  onKeyDown?: (event: React.KeyboardEvent<HTMLDivElement>) => void;
}

interface View {
  /** What is shown: px from the first row's top. */
  offset: number;
  /** The scroller's scrollTop the rows are placed against. */
  scrollTop: number;
  /** Height shown under the header; null until measured (nothing is clamped to a guess). */
  viewport: number | null;
}

export function VirtualRows({ rowCount, renderRow, selectedIndex, revealKey, onRange, header, initialOffset, onOffset, testId, label, containerRef, version, minWidth = 900, onKeyDown }: Props) {
  const scroller = useRef<HTMLDivElement | null>(null);
  const headerHeight = header ? ROW_HEIGHT : 0;
  const [view, setView] = useState<View>({ offset: initialOffset ?? 0, scrollTop: 0, viewport: null });
  const measured = view.viewport !== null;
  const space = scrollSpace(rowCount, ROW_HEIGHT, view.viewport ?? 600);
  // The latest values for the native listeners and for effects that must not re-run on them.
  const latest = useRef({ space, view, onOffset });
  latest.current = { space, view, onOffset };
  /** The scrollTop this component set last: its scroll event is not the user's. */
  const ownScroll = useRef<number | null>(null);

  /** Shows `offset`: moves the scroller to the matching position. */
  const show = (offset: number, s: ScrollSpace = latest.current.space) => {
    const el = scroller.current;
    if (!el) return;
    const target = Math.min(Math.max(0, offset), maxOffset(s));
    el.scrollTop = scrollTopFor(s, target);
    ownScroll.current = el.scrollTop;
    // Seen at once by the next wheel event, before React renders again.
    latest.current.view = { ...latest.current.view, offset: target, scrollTop: el.scrollTop };
    setView((v) => ({ ...v, offset: target, scrollTop: el.scrollTop }));
    latest.current.onOffset?.(target);
  };
  const showRef = useRef(show);
  showRef.current = show;

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setView((v) => ({ ...v, viewport: Math.max(0, el.clientHeight - headerHeight) }));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    // The wheel moves a scaled list's rows one to one (a plain list scrolls natively).
    const wheel = (event: WheelEvent) => {
      const { space: s, view: v } = latest.current;
      if (!isScaled(s) || event.ctrlKey || Math.abs(event.deltaX) > Math.abs(event.deltaY)) return;
      event.preventDefault();
      const unit = event.deltaMode === 1 ? ROW_HEIGHT : event.deltaMode === 2 ? s.viewport : 1;
      showRef.current(v.offset + event.deltaY * unit);
    };
    el.addEventListener('wheel', wheel, { passive: false });
    return () => {
      observer.disconnect();
      el.removeEventListener('wheel', wheel);
    };
  }, [headerHeight]);

  // When the scroll space changes (more rows known, the total arrived, a resize), the same rows stay on screen.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || !measured) return;
    const { view: v } = latest.current;
    if (Math.abs(el.scrollTop - scrollTopFor(space, v.offset)) >= 1 || v.offset > maxOffset(space)) show(v.offset, space);
    // show() is a fresh closure each render; the space's dimensions are what matter
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [space.content, space.height, space.viewport, measured]);

  const { first, last, visible } = rowsInView(space, view.offset, ROW_HEIGHT, rowCount, OVERSCAN);
  const [from, to] = visible;
  useEffect(() => {
    onRange(from, to + OVERSCAN);
  }, [onRange, from, to, version, rowCount]);

  // Keep the selected row on screen.
  useEffect(() => {
    if (selectedIndex < 0 || !measured) return;
    const { space: s, view: v } = latest.current;
    const offset = offsetToShow(s, v.offset, selectedIndex, ROW_HEIGHT);
    if (offset !== v.offset) show(offset);
  }, [selectedIndex, revealKey, measured]); // only when the selection moves (or once measured)

  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) {
    rows.push(
      <Box key={i} sx={{ position: 'absolute', top: view.scrollTop + i * ROW_HEIGHT - view.offset, left: 0, right: 0, height: ROW_HEIGHT }}>
        {renderRow(i)}
      </Box>,
    );
  }

  return (
    <Box
      ref={(el: HTMLDivElement | null) => {
        scroller.current = el;
        if (typeof containerRef === 'function') containerRef(el);
        else if (containerRef) (containerRef as React.RefObject<HTMLDivElement | null>).current = el;
      }}
      role="grid"
      aria-label={label}
      aria-rowcount={rowCount}
      tabIndex={0}
      data-testid={testId}
      data-scaled={isScaled(space) ? 'true' : undefined}
      onKeyDown={(event) => {
        onKeyDown?.(event);
        // Space pages natively, which in a scaled space would jump as many times farther.
        if (event.defaultPrevented || event.key !== ' ' || event.target !== event.currentTarget || !isScaled(space)) return;
        event.preventDefault();
        show(view.offset + (event.shiftKey ? -1 : 1) * space.viewport);
      }}
      onScroll={(e) => {
        const top = e.currentTarget.scrollTop;
        if (ownScroll.current !== null && Math.abs(top - ownScroll.current) < 1) {
          ownScroll.current = null;
          return;
        }
        ownScroll.current = null;
        const offset = offsetAt(space, top);
        latest.current.view = { ...latest.current.view, offset, scrollTop: top };
        setView((v) => (v.offset === offset && v.scrollTop === top ? v : { ...v, offset, scrollTop: top }));
        onOffset?.(offset);
      }}
      sx={{
        flex: 1,
        minHeight: 0,
        overflow: 'auto',
        position: 'relative',
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
        bgcolor: 'background.paper',
        outline: 'none',
        // The rows move under a fixed scroll position in a scaled space: no anchoring to them.
        overflowAnchor: 'none',
        '&:focus-visible': { borderColor: 'secondary.light' },
      }}
    >
      {header ? (
        <Box sx={{ position: 'sticky', top: 0, zIndex: 2, height: ROW_HEIGHT, minWidth }} role="row">
          {header}
        </Box>
      ) : null}
      {/* overflow hidden: rows placed past the bottom of a scaled space must not make it taller */}
      <Box sx={{ position: 'relative', height: space.height, minWidth, overflow: 'hidden' }}>{rows}</Box>
    </Box>
  );
}
