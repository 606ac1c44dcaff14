/**
 * A virtualized list of fixed-height rows: only the rows on screen (and a few around them) are in
 * the DOM, whatever the list's length. The parent owns the selection; this scrolls the selected
 * row into view and reports the visible range so the pages it needs can be fetched.
 */
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode, type Ref } from 'react';
import { Box } from '@mui/material';

export const ROW_HEIGHT = 36;
const OVERSCAN = 10;

interface Props {
  /** Rows the list can show (loaded or not); a loader row may be the last one. */
  rowCount: number;
  renderRow: (index: number) => ReactNode;
  selectedIndex: number;
  onRange: (from: number, to: number) => void;
  header?: ReactNode;
  /** The `scrollTop` to start at (returning to the list). */
  initialScrollTop?: number;
  onScrollTop?: (top: number) => void;
  testId?: string;
  label?: string;
  containerRef?: Ref<HTMLDivElement>;
  /** Recomputes the range when this changes (new rows arrived). */
  version?: number;
  minWidth?: number;
  onKeyDown?: (event: React.KeyboardEvent<HTMLDivElement>) => void;
}

export function VirtualRows({ rowCount, renderRow, selectedIndex, onRange, header, initialScrollTop, onScrollTop, testId, label, containerRef, version, minWidth = 900, onKeyDown }: Props) {
  const scroller = useRef<HTMLDivElement | null>(null);
  const [view, setView] = useState({ top: initialScrollTop ?? 0, height: 600 });
  const headerHeight = header ? ROW_HEIGHT : 0;

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    if (initialScrollTop) el.scrollTop = initialScrollTop;
    const measure = () => setView({ top: el.scrollTop, height: el.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
    // The initial position is applied once, on mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const first = Math.max(0, Math.floor(view.top / ROW_HEIGHT) - OVERSCAN);
  const visible = Math.ceil(view.height / ROW_HEIGHT);
  const last = Math.min(rowCount, Math.floor(view.top / ROW_HEIGHT) + visible + OVERSCAN);

  useEffect(() => {
    onRange(Math.floor(view.top / ROW_HEIGHT), Math.floor(view.top / ROW_HEIGHT) + visible + OVERSCAN);
  }, [onRange, view.top, visible, version, rowCount]);

  // Keep the selected row on screen (under the sticky header).
  useEffect(() => {
    const el = scroller.current;
    if (!el || selectedIndex < 0) return;
    const top = selectedIndex * ROW_HEIGHT;
    const bottom = top + ROW_HEIGHT;
    const viewHeight = el.clientHeight - headerHeight;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (bottom > el.scrollTop + viewHeight) el.scrollTop = bottom - viewHeight;
  }, [selectedIndex, headerHeight]);

  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) {
    rows.push(
      <Box key={i} sx={{ position: 'absolute', top: i * ROW_HEIGHT, left: 0, right: 0, height: ROW_HEIGHT }}>
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
      onKeyDown={onKeyDown}
      onScroll={(e) => {
        const top = e.currentTarget.scrollTop;
        setView((v) => (v.top === top ? v : { ...v, top }));
        onScrollTop?.(top);
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
        '&:focus-visible': { borderColor: 'secondary.light' },
      }}
    >
      {header ? (
        <Box sx={{ position: 'sticky', top: 0, zIndex: 2, height: ROW_HEIGHT, minWidth }} role="row">
          {header}
        </Box>
      ) : null}
      <Box sx={{ position: 'relative', height: rowCount * ROW_HEIGHT, minWidth }}>{rows}</Box>
    </Box>
  );
}
