/**
 * One page of a scan beside the form: fit to the panel's width, zoom, rotate, pan (drag or the
 * arrow keys), previous / next page. Keys while the viewer has the focus: + − 0 R PageUp PageDown;
 * from the form, Alt+PageUp / Alt+PageDown turn the page. Paging (across the source's files) is
 * the panel's business: the viewer shows one page of one file.
 * Pages come from attachments.page as JPEG at a width snapped by the backend (cached there).
 */
import { useEffect, useRef, useState } from 'react';
import { Alert, Box, CircularProgress, IconButton, Stack, Tooltip, Typography } from '@mui/material';
import ZoomInIcon from '@mui/icons-material/ZoomIn';
import ZoomOutIcon from '@mui/icons-material/ZoomOut';
import FitIcon from '@mui/icons-material/FitScreenOutlined';
import RotateIcon from '@mui/icons-material/RotateRight';
import PrevIcon from '@mui/icons-material/NavigateBefore';
import NextIcon from '@mui/icons-material/NavigateNext';
import type { ApiError } from '../../../../../../shared/contract';
import type { Attachment } from '../../../../../../shared/contract/attachments';
import { useClient } from '../../../../app/clientContext';
import { ApiErrorAlert } from '../../../../components/ApiErrorAlert';
import { useMartyrsT } from '../../i18n';

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 2.5, 3, 4];

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
}

export function ScanViewer({ attachment, attachmentId, page, position, canPrev, canNext, onPrev, onNext, error: metaError }: Props) {
  const mt = useMartyrsT();
  const client = useClient();
  const boxRef = useRef<HTMLDivElement | null>(null);
  const [image, setImage] = useState<{ key: string; url: string; width: number; height: number } | null>(null);
  const [error, setError] = useState<{ key: string; error: ApiError } | null>(null);
  const [zoom, setZoom] = useState(2);
  const [rotation, setRotation] = useState(0);
  const [panelWidth, setPanelWidth] = useState(400);

  useEffect(() => {
    const el = boxRef.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setPanelWidth(Math.max(200, el.clientWidth - 16)));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const pages = attachment?.pages ?? 1;
  const isPdf = attachment?.mime === 'application/pdf';
  const factor = ZOOMS[zoom] ?? 1;
  const sideways = rotation % 180 !== 0;
  // The page as drawn: fit the panel's width at 100 %.
  const aspect = image ? image.width / image.height : attachment?.width && attachment.height ? attachment.width / attachment.height : 0.7;
  const drawnWidth = sideways ? panelWidth * factor * aspect : panelWidth * factor;
  const drawnHeight = drawnWidth / aspect;
  const wanted = Math.min(2400, Math.ceil(drawnWidth * (window.devicePixelRatio || 1)));
  const bucket = [400, 800, 1200, 1600, 2000, 2400].find((w) => w >= wanted) ?? 2400;
  const key = `${attachmentId}:${page}:${bucket}`;

  useEffect(() => {
    if (!attachment || isPdf || page > pages) return;
    let live = true;
    void client.call('attachments.page', { id: attachmentId, page, width: bucket }).then((r) => {
      if (!live) return;
      if (!r.ok) return setError({ key, error: r.error });
      const bytes = Uint8Array.from(atob(r.value.dataBase64), (c) => c.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([bytes], { type: 'image/jpeg' }));
      setError(null);
      setImage({ key, url, width: r.value.width, height: r.value.height });
    });
    return () => {
      live = false;
    };
  }, [client, attachmentId, page, bucket, key, attachment, isPdf, pages]);

  // The object URL of the page on screen is released when it is replaced or the viewer goes away.
  const shownUrl = useRef<string | null>(null);
  useEffect(() => {
    const previous = shownUrl.current;
    shownUrl.current = image?.url ?? null;
    if (previous && previous !== shownUrl.current) URL.revokeObjectURL(previous);
  }, [image]);
  useEffect(() => () => {
    if (shownUrl.current) URL.revokeObjectURL(shownUrl.current);
  }, []);

  const turn = (delta: number) => {
    if (delta > 0 && canNext) onNext();
    if (delta < 0 && canPrev) onPrev();
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const k = event.key;
    if (k === '+' || k === '=') setZoom((z) => Math.min(ZOOMS.length - 1, z + 1));
    else if (k === '-') setZoom((z) => Math.max(0, z - 1));
    else if (k === '0') setZoom(2);
    else if (k === 'r' || k === 'R') setRotation((r) => (r + 90) % 360);
    else if (k === 'PageDown') turn(1);
    else if (k === 'PageUp') turn(-1);
    else return;
    event.preventDefault();
  };

  // Drag to pan.
  const drag = useRef<{ x: number; y: number; left: number; top: number } | null>(null);

  const shownError = metaError ?? (error?.key === key ? error.error : null);
  return (
    <Box sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }} data-testid="scan-viewer" data-attachment={attachmentId} data-page={page}>
      <Stack direction="row" spacing={0.25} sx={{ alignItems: 'center', px: 1, py: 0.25, borderBottom: 1, borderColor: 'divider' }} data-nav-skip>
        <Tooltip title={mt('scan.prevPage')}>
          <span>
            <IconButton size="small" onClick={() => turn(-1)} disabled={!canPrev} aria-label={mt('scan.prevPage')} data-testid="scan-prev">
              <PrevIcon fontSize="small" />
            </IconButton>
          </span>
        </Tooltip>
        <Typography variant="body2" sx={{ minWidth: 56, textAlign: 'center' }} data-testid="scan-page">
          {position}
        </Typography>
        <Tooltip title={mt('scan.nextPage')}>
          <span>
            <IconButton size="small" onClick={() => turn(1)} disabled={!canNext} aria-label={mt('scan.nextPage')} data-testid="scan-next">
              <NextIcon fontSize="small" />
            </IconButton>
          </span>
        </Tooltip>
        <Box sx={{ flex: 1 }} />
        <Typography variant="caption" color="text.secondary" sx={{ mr: 0.5 }}>
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
          <IconButton size="small" onClick={() => setZoom(2)} aria-label={mt('scan.fit')}>
            <FitIcon fontSize="small" />
          </IconButton>
        </Tooltip>
        <Tooltip title={mt('scan.rotate')}>
          <IconButton size="small" onClick={() => setRotation((r) => (r + 90) % 360)} aria-label={mt('scan.rotate')}>
            <RotateIcon fontSize="small" />
          </IconButton>
        </Tooltip>
      </Stack>
      <Box
        ref={boxRef}
        tabIndex={0}
        data-nav-skip
        onKeyDown={onKeyDown}
        aria-label={mt('scan.title')}
        onMouseDown={(e) => {
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
        sx={{ flex: 1, minHeight: 0, overflow: 'auto', bgcolor: '#e9eaec', p: 1, cursor: 'grab', outline: 'none', '&:focus-visible': { boxShadow: 'inset 0 0 0 2px #90a4ae' } }}
      >
        {isPdf ? (
          <Alert severity="info">{mt('scan.pdf')}</Alert>
        ) : shownError ? (
          <ApiErrorAlert error={shownError} />
        ) : image ? (
          <Box sx={{ position: 'relative', width: sideways ? drawnHeight : drawnWidth, height: sideways ? drawnWidth : drawnHeight, mx: 'auto' }}>
            <img
              src={image.url}
              alt={position}
              draggable={false}
              data-testid="scan-image"
              style={{
                position: 'absolute',
                left: '50%',
                top: '50%',
                width: drawnWidth,
                height: drawnHeight,
                transform: `translate(-50%, -50%) rotate(${rotation}deg)`,
                boxShadow: '0 1px 4px rgba(0,0,0,0.25)',
                background: '#fff',
                opacity: image.key === key ? 1 : 0.6,
              }}
            />
          </Box>
        ) : (
          <Stack sx={{ alignItems: 'center', pt: 6 }} spacing={1}>
            <CircularProgress size={24} />
            <Typography variant="caption" color="text.secondary">
              {mt('scan.loading')}
            </Typography>
          </Stack>
        )}
      </Box>
    </Box>
  );
}
