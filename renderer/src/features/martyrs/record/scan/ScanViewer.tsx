/**
 * One page of a scan beside the form: fit to the panel's width, zoom, rotate, pan (drag), previous
 * / next page, and the record's region on the page — drawn with the mouse in drawing mode, shown
 * outlined, brought into view (zoomed and scrolled to, flashing once) when a record opens on it.
 * Keys while the viewer has the focus: + − 0 R PageUp PageDown, B draw, Delete clear, Esc stop
 * drawing; from the form Alt+PageUp / Alt+PageDown turn the page, Alt+B draws, Alt+X clears.
 * Paging (across the source's files) is the panel's business: the viewer shows one page of one
 * file. Pages come from usePageImage (the backend's JPEGs, or pdf.js for PDFs).
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Alert, Box, CircularProgress, IconButton, Stack, Tooltip, Typography } from '@mui/material';
import ZoomInIcon from '@mui/icons-material/ZoomIn';
import ZoomOutIcon from '@mui/icons-material/ZoomOut';
import FitIcon from '@mui/icons-material/FitScreenOutlined';
import RotateIcon from '@mui/icons-material/RotateRight';
import PrevIcon from '@mui/icons-material/NavigateBefore';
import NextIcon from '@mui/icons-material/NavigateNext';
import DrawIcon from '@mui/icons-material/HighlightAltOutlined';
import ClearIcon from '@mui/icons-material/DeselectOutlined';
import type { ApiError } from '../../../../../../shared/contract';
import type { Attachment } from '../../../../../../shared/contract/attachments';
import { useClient } from '../../../../app/clientContext';
import { ApiErrorAlert } from '../../../../components/ApiErrorAlert';
import { useLang } from '../../../../i18n';
import { useMartyrsT } from '../../i18n';
import { normalizeRotation, regionToView, scrollToShow, zoomToShow, type Region } from './region';
import { ScanPage } from './ScanPage';
import { usePageImage, type PageProblem } from './usePageImage';

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 2.5, 3, 4];
const FIT = 2;
const BUCKETS = [400, 800, 1200, 1600, 2000, 2400];

interface Props {
  /** The file shown (null while its metadata loads). */
  attachment: Attachment | null;
  attachmentId: number;
  page: number;
  /** "3 / 180" within the source's run of pages. */
  position: string;
  canPrev: boolean;
  canNext: boolean;
  onPrev: () => void;
  onNext: () => void;
  error?: ApiError | null;
  /** The record's region on this page. */
  region: Region | null;
  /** Draws or clears the region; absent when the record cannot be changed. */
  onRegion?: (region: Region | null) => void;
  drawing: boolean;
  onDrawing: (drawing: boolean) => void;
}

const regionKey = (id: number, page: number, r: Region | null) => (r ? `${id}:${page}:${r.x},${r.y},${r.w},${r.h}` : null);

export function ScanViewer(props: Props) {
  const { attachment, attachmentId, page, position, canPrev, canNext, onPrev, onNext, error: metaError, region, onRegion, drawing, onDrawing } = props;
  const mt = useMartyrsT();
  const { pick } = useLang();
  const client = useClient();
  const boxRef = useRef<HTMLDivElement | null>(null);
  const [zoom, setZoom] = useState(FIT);
  const [degrees, setDegrees] = useState(0);
  const [panelWidth, setPanelWidth] = useState(400);

  useEffect(() => {
    const el = boxRef.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setPanelWidth(Math.max(200, el.clientWidth - 16)));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const rotation = normalizeRotation(degrees);
  const isPdf = attachment?.mime === 'application/pdf';
  const factor = ZOOMS[zoom] ?? 1;
  const sideways = rotation % 180 !== 0;
  // The page as drawn: fit the panel's width at 100 %.
  const loadedAspect = (w: number, h: number) => (w > 0 && h > 0 ? w / h : 0.7);
  const wantedWidth = (aspect: number) => (sideways ? panelWidth * factor * aspect : panelWidth * factor);
  const provisional = attachment?.width && attachment.height ? loadedAspect(attachment.width, attachment.height) : 0.7;
  const wanted = Math.min(2400, Math.ceil(wantedWidth(provisional) * (window.devicePixelRatio || 1)));
  const bucket = BUCKETS.find((w) => w >= wanted) ?? 2400;
  const { key, image, problem } = usePageImage(client, attachment && attachment.id === attachmentId ? attachment : null, page, bucket);
  const aspect = image ? loadedAspect(image.width, image.height) : provisional;
  const drawnWidth = wantedWidth(aspect);
  const drawnHeight = drawnWidth / aspect;
  const onThisPage = image !== null && image.key.startsWith(`${attachmentId}:${page}:`);

  // A record opening on its region: zoom so the region fills the view, scroll to it, flash it once.
  const shownRegionKey = regionKey(attachmentId, page, region);
  const broughtIntoView = useRef<string | null>(null);
  const pendingScroll = useRef<Region | null>(null);
  const [flashKey, setFlashKey] = useState(0);
  useEffect(() => {
    const el = boxRef.current;
    if (!region || !shownRegionKey || !onThisPage || !el || broughtIntoView.current === shownRegionKey) return;
    broughtIntoView.current = shownRegionKey;
    const viewport = { width: el.clientWidth - 16, height: el.clientHeight - 16 };
    setZoom(zoomToShow(region, rotation, sideways ? 1 / aspect : aspect, panelWidth, viewport, ZOOMS));
    pendingScroll.current = region;
    setFlashKey((k) => k + 1);
  }, [region, shownRegionKey, onThisPage, rotation, sideways, aspect, panelWidth]);
  useLayoutEffect(() => {
    const target = pendingScroll.current;
    const el = boxRef.current;
    const pageBox = el?.querySelector<HTMLElement>('[data-testid="scan-page-box"]');
    if (!target || !el || !pageBox) return;
    pendingScroll.current = null;
    const view = regionToView(target, rotation);
    const b = pageBox.getBoundingClientRect();
    const c = el.getBoundingClientRect();
    const to = scrollToShow(
      { left: b.left - c.left + el.scrollLeft + view.x * b.width, top: b.top - c.top + el.scrollTop + view.y * b.height, width: view.w * b.width, height: view.h * b.height },
      { width: el.clientWidth, height: el.clientHeight },
    );
    el.scrollTo({ left: to.left, top: to.top });
  });

  const drawn = (r: Region) => {
    // Drawn here: already in view, no zoom jump.
    broughtIntoView.current = regionKey(attachmentId, page, r);
    onDrawing(false);
    onRegion?.(r);
  };

  const turn = (delta: number) => {
    if (delta > 0 && canNext) onNext();
    if (delta < 0 && canPrev) onPrev();
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const k = event.key;
    if (k === '+' || k === '=') setZoom((z) => Math.min(ZOOMS.length - 1, z + 1));
    else if (k === '-') setZoom((z) => Math.max(0, z - 1));
    else if (k === '0') setZoom(FIT);
    else if (k === 'r' || k === 'R') setDegrees((d) => d + 90);
    else if (k === 'PageDown') turn(1);
    else if (k === 'PageUp') turn(-1);
    else if ((k === 'b' || k === 'B') && onRegion) onDrawing(!drawing);
    else if ((k === 'Delete' || k === 'Backspace') && onRegion && region) onRegion(null);
    else if (k === 'Escape' && drawing) onDrawing(false);
    else return;
    event.preventDefault();
  };

  // Drag to pan (not while drawing).
  const drag = useRef<{ x: number; y: number; left: number; top: number } | null>(null);

  const fileName = attachment?.originalName ?? '';
  const shownError = metaError ? <ApiErrorAlert error={metaError} /> : problem ? <ProblemAlert problem={problem} name={fileName} pick={pick} /> : null;
  return (
    <Box sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }} data-testid="scan-viewer" data-attachment={attachmentId} data-page={page} data-drawing={drawing ? 'true' : 'false'}>
      <Stack direction="row" sx={{ alignItems: 'center', flexWrap: 'wrap', columnGap: 0.25, px: 0.5, py: 0.25, borderBottom: 1, borderColor: 'divider', '& .MuiIconButton-root': { p: 0.5 } }} data-nav-skip>
        <Tooltip title={mt('scan.prevPage')}>
          <span>
            <IconButton size="small" onClick={() => turn(-1)} disabled={!canPrev} aria-label={mt('scan.prevPage')} data-testid="scan-prev">
              <PrevIcon fontSize="small" />
            </IconButton>
          </span>
        </Tooltip>
        <Typography variant="body2" sx={{ minWidth: 48, textAlign: 'center', whiteSpace: 'nowrap' }} data-testid="scan-page">
          {position}
        </Typography>
        <Tooltip title={mt('scan.nextPage')}>
          <span>
            <IconButton size="small" onClick={() => turn(1)} disabled={!canNext} aria-label={mt('scan.nextPage')} data-testid="scan-next">
              <NextIcon fontSize="small" />
            </IconButton>
          </span>
        </Tooltip>
        {onRegion ? (
          <>
            <Tooltip title={mt('scan.draw')}>
              <span>
                <IconButton size="small" color={drawing ? 'primary' : 'default'} aria-pressed={drawing} disabled={!drawing && !onThisPage} onClick={() => onDrawing(!drawing)} aria-label={mt('scan.draw')} data-testid="scan-draw" sx={drawing ? { bgcolor: 'action.selected' } : undefined}>
                  <DrawIcon fontSize="small" />
                </IconButton>
              </span>
            </Tooltip>
            <Tooltip title={mt('scan.clearRegion')}>
              <span>
                <IconButton size="small" disabled={!region} onClick={() => onRegion(null)} aria-label={mt('scan.clearRegion')} data-testid="scan-clear-region">
                  <ClearIcon fontSize="small" />
                </IconButton>
              </span>
            </Tooltip>
          </>
        ) : null}
        <Box sx={{ flex: 1 }} />
        <Typography variant="caption" color="text.secondary" sx={{ mr: 0.25 }} data-testid="scan-zoom">
          {Math.round(factor * 100)}%
        </Typography>
        <Tooltip title={mt('scan.zoomOut')}>
          <IconButton size="small" onClick={() => setZoom((z) => Math.max(0, z - 1))} aria-label={mt('scan.zoomOut')}>
            <ZoomOutIcon fontSize="small" />
          </IconButton>
        </Tooltip>
        <Tooltip title={mt('scan.zoomIn')}>
          <IconButton size="small" onClick={() => setZoom((z) => Math.min(ZOOMS.length - 1, z + 1))} aria-label={mt('scan.zoomIn')}>
            <ZoomInIcon fontSize="small" />
          </IconButton>
        </Tooltip>
        <Tooltip title={mt('scan.fit')}>
          <IconButton size="small" onClick={() => setZoom(FIT)} aria-label={mt('scan.fit')}>
            <FitIcon fontSize="small" />
          </IconButton>
        </Tooltip>
        <Tooltip title={mt('scan.rotate')}>
          <IconButton size="small" onClick={() => setDegrees((d) => d + 90)} aria-label={mt('scan.rotate')} data-testid="scan-rotate">
            <RotateIcon fontSize="small" />
          </IconButton>
        </Tooltip>
      </Stack>
      {drawing ? (
        <Typography variant="caption" sx={{ px: 2, py: 0.5, bgcolor: '#e3f2fd', color: 'text.secondary' }} data-testid="scan-drawing-hint">
          {mt('scan.drawing')}
        </Typography>
      ) : null}
      <Box
        ref={boxRef}
        tabIndex={0}
        data-nav-skip
        data-testid="scan-scroll"
        onKeyDown={onKeyDown}
        aria-label={mt('scan.title')}
        onMouseDown={(e) => {
          // Drawing keeps the focus where it was (the form), so typing goes on after the drag.
          if (drawing) return e.preventDefault();
          const el = boxRef.current;
          if (!el) return;
          drag.current = { x: e.clientX, y: e.clientY, left: el.scrollLeft, top: el.scrollTop };
        }}
        onMouseMove={(e) => {
          const el = boxRef.current;
          if (!el || !drag.current) return;
          el.scrollLeft = drag.current.left - (e.clientX - drag.current.x);
          el.scrollTop = drag.current.top - (e.clientY - drag.current.y);
        }}
        onMouseUp={() => (drag.current = null)}
        onMouseLeave={() => (drag.current = null)}
        sx={{ flex: 1, minHeight: 0, overflow: 'auto', bgcolor: '#e9eaec', p: 1, cursor: drawing ? 'crosshair' : 'grab', outline: 'none', '&:focus-visible': { boxShadow: 'inset 0 0 0 2px #90a4ae' } }}
      >
        {shownError ?? (image ? (
          <ScanPage
            url={image.url}
            alt={position}
            width={drawnWidth}
            height={drawnHeight}
            rotation={rotation}
            stale={image.key !== key}
            region={onThisPage ? region : null}
            flashKey={flashKey}
            drawing={drawing && Boolean(onRegion) && onThisPage}
            regionLabel={mt('scan.region')}
            onDrawn={drawn}
          />
        ) : (
          <Stack sx={{ alignItems: 'center', pt: 6 }} spacing={1}>
            <CircularProgress size={24} />
            <Typography variant="caption" color="text.secondary">
              {isPdf ? mt('scan.pdfLoading') : mt('scan.loading')}
            </Typography>
          </Stack>
        ))}
      </Box>
    </Box>
  );
}

function ProblemAlert({ problem, name, pick }: { problem: PageProblem; name: string; pick: ReturnType<typeof useLang>['pick'] }) {
  const mt = useMartyrsT();
  if (problem.kind === 'api') return <ApiErrorAlert error={problem.error} />;
  const text =
    problem.kind === 'password'
      ? mt('scan.pdfPassword', { name })
      : problem.kind === 'page'
        ? mt('scan.pdfPage', { name, page: problem.page })
        : problem.kind === 'read'
          ? `${mt('scan.pdfRead', { name })}${pick(problem.error.message)}`
          : mt('scan.pdfDamaged', { name });
  return (
    <Alert severity="error" role="alert" data-testid="scan-problem" data-problem={problem.kind} sx={{ whiteSpace: 'pre-wrap' }}>
      {text}
    </Alert>
  );
}
