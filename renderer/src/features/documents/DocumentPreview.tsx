/**
 * One issued document, the real PDF page by page (pdf.js) with zoom, a print button (the pages at
 * print resolution to the system's print dialog at their own paper size, printPdf.ts) and a save
 * button; an editor may reprint it (a new serial, marked 补印 on the paper).
 */
import { useEffect, useRef, useState } from 'react';
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, IconButton, LinearProgress, Stack, Tooltip, Typography } from '@mui/material';
import PrintIcon from '@mui/icons-material/PrintOutlined';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import NavigateBeforeIcon from '@mui/icons-material/NavigateBefore';
import NavigateNextIcon from '@mui/icons-material/NavigateNext';
import ZoomInIcon from '@mui/icons-material/ZoomIn';
import ZoomOutIcon from '@mui/icons-material/ZoomOut';
import SaveIcon from '@mui/icons-material/SaveAltOutlined';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { editors, type ApiError } from '../../../../shared/contract';
import { useClient } from '../../app/clientContext';
import { hrefOf } from '../../app/router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useQuery } from '../../lib/useApi';
import { downloadBytes } from '../../lib/download';
import { useUser } from '../auth/SessionProvider';
import { useDocumentsT } from './i18n';
import { DocumentReadError, drawPage, isCancelledRender, openPdfBytes, readDocument, saveBytes } from './documentPdf';
import { PrintJobDialog } from './PrintLettersButton';
import { PRINT_PAGES_MAX, printPdf } from './printPdf';

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];
/** The page's width at zoom 1, in CSS pixels. */
const BASE_WIDTH = 640;

export function DocumentPreview({ id }: { id: number }) {
  const dt = useDocumentsT();
  const client = useClient();
  const user = useUser();
  const meta = useQuery('documents.get', { id });
  const [file, setFile] = useState<{ bytes: Uint8Array; fileName: string; doc: PDFDocumentProxy } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [broken, setBroken] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [zoom, setZoom] = useState(2);
  const [reprintJob, setReprintJob] = useState<number | null>(null);
  /** The page and zoom the canvas shows once drawn (`page:zoom`), or null before the first. */
  const [drawn, setDrawn] = useState<string | null>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  /** Preparing the pages for the printer: how far, and how to stop it. */
  const [printing, setPrinting] = useState<{ done: number; total: number; abort: AbortController } | null>(null);
  /** Removes the last print's frame (kept until the spooler has surely read it). */
  const lastPrint = useRef<(() => void) | null>(null);
  useEffect(() => () => lastPrint.current?.(), []);

  useEffect(() => {
    let live = true;
    let opened: PDFDocumentProxy | null = null;
    setFile(null);
    setDrawn(null);
    setPage(1);
    readDocument(client, id)
      .then(async ({ bytes, fileName }) => {
        const doc = await openPdfBytes(bytes);
        opened = doc;
        if (live) setFile({ bytes, fileName, doc });
        else void doc.destroy();
      })
      .catch((e: unknown) => {
        if (!live) return;
        if (e instanceof DocumentReadError) setError(e.error);
        else setBroken(e instanceof Error ? e.message : String(e));
      });
    return () => {
      live = false;
      void opened?.destroy();
    };
  }, [client, id]);

  useEffect(() => {
    if (!file || !canvas.current) return;
    const abort = new AbortController();
    const key = `${page}:${zoom}`;
    drawPage(file.doc, page, canvas.current, BASE_WIDTH * ZOOMS[zoom]!, abort.signal)
      .then(() => setDrawn(key))
      .catch((e: unknown) => {
        if (!abort.signal.aborted && !isCancelledRender(e)) setBroken(e instanceof Error ? e.message : String(e));
      });
    return () => abort.abort();
  }, [file, page, zoom]);

  const pages = file?.doc.numPages ?? meta.data?.pages ?? 0;
  const print = async () => {
    if (!file) return;
    lastPrint.current?.();
    lastPrint.current = null;
    const abort = new AbortController();
    setPrinting({ done: 0, total: file.doc.numPages, abort });
    try {
      lastPrint.current = await printPdf(file.doc, meta.data?.title ?? file.fileName, (done, total) => setPrinting((p) => (p ? { ...p, done, total } : p)), abort.signal);
    } catch (e) {
      if (!abort.signal.aborted) setBroken(e instanceof Error ? e.message : String(e));
    } finally {
      setPrinting(null);
    }
  };
  const reprint = async () => {
    const started = await client.call('documents.reprint', { id });
    if (!started.ok) return setError(started.error);
    setReprintJob(started.value.jobId);
  };
  /** The ZIP of one PDF per record, read from the register and saved as is. */
  const savePerRecord = async () => {
    try {
      const zip = await readDocument(client, id, 'perRecord');
      downloadBytes(zip.fileName, zip.bytes, 'application/zip');
    } catch (e) {
      if (e instanceof DocumentReadError) setError(e.error);
      else throw e;
    }
  };

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5, minHeight: 0, flex: 1 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Button startIcon={<ArrowBackIcon />} href={hrefOf('/documents')} data-testid="document-back">
          {dt('preview.back')}
        </Button>
        <Typography variant="h6" data-testid="document-serial">
          {meta.data ? `${meta.data.title}` : ''}
        </Typography>
        {meta.data?.reprintOf ? <Typography color="error">{dt('register.reprintOf', { serial: meta.data.reprintOf.serial })}</Typography> : null}
        <Box sx={{ flex: 1 }} />
        <Tooltip title={dt('preview.previous')}>
          <span>
            <IconButton disabled={page <= 1} onClick={() => setPage((p) => p - 1)} data-testid="document-previous">
              <NavigateBeforeIcon />
            </IconButton>
          </span>
        </Tooltip>
        <Typography variant="body2" data-testid="document-page" sx={{ fontVariantNumeric: 'tabular-nums' }}>
          {dt('preview.page', { page, pages })}
        </Typography>
        <Tooltip title={dt('preview.next')}>
          <span>
            <IconButton disabled={page >= pages} onClick={() => setPage((p) => p + 1)} data-testid="document-next">
              <NavigateNextIcon />
            </IconButton>
          </span>
        </Tooltip>
        <Tooltip title={dt('preview.zoomOut')}>
          <span>
            <IconButton disabled={zoom <= 0} onClick={() => setZoom((z) => z - 1)} data-testid="document-zoom-out">
              <ZoomOutIcon />
            </IconButton>
          </span>
        </Tooltip>
        <Typography variant="body2" sx={{ width: 48, textAlign: 'center' }} data-testid="document-zoom">
          {Math.round(ZOOMS[zoom]! * 100)}%
        </Typography>
        <Tooltip title={dt('preview.zoomIn')}>
          <span>
            <IconButton disabled={zoom >= ZOOMS.length - 1} onClick={() => setZoom((z) => z + 1)} data-testid="document-zoom-in">
              <ZoomInIcon />
            </IconButton>
          </span>
        </Tooltip>
        {editors.includes(user.role) && (meta.data?.kind === 'letters' || meta.data?.kind === 'issuanceSlip') ? (
          <Button variant="outlined" onClick={() => void reprint()} data-testid="document-reprint">
            {dt('preview.reprint')}
          </Button>
        ) : null}
        {meta.data?.perRecord ? (
          <Tooltip title={dt('preview.savePerRecordHint', { count: meta.data.perRecord.files })}>
            <Button variant="outlined" startIcon={<SaveIcon />} onClick={() => void savePerRecord()} data-testid="document-save-per-record">
              {dt('preview.savePerRecord', { count: meta.data.perRecord.files })}
            </Button>
          </Tooltip>
        ) : null}
        <Tooltip title={pages > PRINT_PAGES_MAX ? dt('preview.printTooLong', { max: PRINT_PAGES_MAX }) : dt('preview.printHint')}>
          <span>
            <Button variant="outlined" startIcon={<PrintIcon />} disabled={!file || printing !== null || pages > PRINT_PAGES_MAX} onClick={() => void print()} data-testid="document-print">
              {dt('preview.print')}
            </Button>
          </span>
        </Tooltip>
        <Button variant="contained" startIcon={<SaveIcon />} disabled={!file} onClick={() => file && saveBytes(file.fileName, file.bytes)} data-testid="document-save">
          {dt('preview.save')}
        </Button>
      </Stack>
      <ApiErrorAlert error={error ?? meta.error} />
      {broken ? <Alert severity="error">{dt('preview.failed', { reason: broken })}</Alert> : null}
      {!file && !error && !broken ? <Typography color="text.secondary">{dt('preview.loading')}</Typography> : null}
      <Box sx={{ overflow: 'auto', flex: 1, bgcolor: 'grey.200', p: 2, textAlign: 'center' }}>
        <canvas ref={canvas} data-testid="document-canvas" data-page={page} data-ready={file && drawn === `${page}:${zoom}` ? 'yes' : 'no'} style={{ boxShadow: '0 1px 4px rgba(0,0,0,.3)', background: '#fff' }} />
      </Box>
      {printing ? (
        <Dialog open maxWidth="xs" fullWidth data-testid="document-print-progress">
          <DialogTitle>{dt('preview.printPreparing')}</DialogTitle>
          <DialogContent>
            <LinearProgress variant="determinate" value={printing.total ? (printing.done * 100) / printing.total : 0} />
            <Typography variant="body2" sx={{ mt: 1 }} data-testid="document-print-count">
              {dt('preview.printCount', { done: printing.done, total: printing.total })}
            </Typography>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => printing.abort.abort()} data-testid="document-print-cancel">
              {dt('preview.printCancel')}
            </Button>
          </DialogActions>
        </Dialog>
      ) : null}
      {reprintJob !== null ? <PrintJobDialog jobId={reprintJob} onClose={() => setReprintJob(null)} /> : null}
    </Box>
  );
}
