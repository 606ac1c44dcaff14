import { Button, LinearProgress, Box } from '@mui/material';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import { useRef, useState } from 'react';
import type { ApiError } from '../../../../shared/contract';
import type { Attachment } from '../../../../shared/contract/attachments';
import { useClient } from '../../app/clientContext';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { uploadScan } from '../../lib/upload';
import { useHonorsT } from './i18n';

/**
 * Chooses files (JPEG, PNG, TIFF, PDF), sends each through the upload contract and stores it; the
 * caller links the stored attachments to its award or letter.
 */
export function FilePicker({ label, testId, onStored, accept = 'image/jpeg,image/png,image/tiff,application/pdf' }: { label: string; testId: string; onStored: (attachments: Attachment[]) => Promise<void> | void; accept?: string }) {
  const client = useClient();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const choose = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    setError(null);
    const stored: Attachment[] = [];
    for (const file of Array.from(files)) {
      setProgress(0);
      const result = await uploadScan(client, file, setProgress);
      if (!result.ok) {
        setError(result.error);
        break;
      }
      stored.push(result.value);
    }
    if (stored.length > 0) await onStored(stored);
    setProgress(null);
    if (input.current) input.current.value = '';
  };
  return (
    <Box>
      <Button size="small" variant="outlined" startIcon={<AttachFileIcon />} onClick={() => input.current?.click()} disabled={progress !== null}>
        {label}
      </Button>
      <input ref={input} type="file" hidden multiple accept={accept} data-testid={testId} onChange={(e) => void choose(e.target.files)} />
      {progress !== null ? <LinearProgress variant="determinate" value={progress * 100} sx={{ mt: 1 }} /> : null}
      <ApiErrorAlert error={error} sx={{ mt: 1 }} />
    </Box>
  );
}

/** The stored files of an award or letter as a list of names with small previews. */
export function AttachmentList({ items, onRemove, testId }: { items: { attachment: Attachment }[]; onRemove?: (id: number) => void; testId: string }) {
  const ht = useHonorsT();
  return (
    <Box component="ul" data-testid={testId} sx={{ listStyle: 'none', p: 0, m: 0, display: 'flex', flexDirection: 'column', gap: 0.5 }}>
      {items.map(({ attachment }) => (
        <Box component="li" key={attachment.id} sx={{ display: 'flex', gap: 1, alignItems: 'center', fontSize: 14 }}>
          <Thumb attachment={attachment} />
          <span style={{ flex: 1, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{attachment.originalName}</span>
          {onRemove ? (
            <Button size="small" onClick={() => onRemove(attachment.id)} aria-label={ht('form.removeFile', { name: attachment.originalName })} title={ht('form.removeFile', { name: attachment.originalName })}>
              ×
            </Button>
          ) : null}
        </Box>
      ))}
    </Box>
  );
}

function Thumb({ attachment }: { attachment: Attachment }) {
  const client = useClient();
  const [src, setSrc] = useState<string | null>(null);
  const [asked, setAsked] = useState(false);
  if (!asked && attachment.mime !== 'application/pdf') {
    setAsked(true);
    void client.call('attachments.page', { id: attachment.id, width: 200 }).then((r) => r.ok && setSrc(`data:image/jpeg;base64,${r.value.dataBase64}`));
  }
  if (attachment.mime === 'application/pdf') {
    return <Box sx={{ width: 48, height: 36, bgcolor: 'action.hover', borderRadius: 0.5, display: 'grid', placeItems: 'center', color: 'error.main' }}><PictureAsPdfIcon fontSize="small" /></Box>;
  }
  return src ? <img src={src} alt="" style={{ width: 48, height: 36, objectFit: 'cover', borderRadius: 2 }} /> : <Box sx={{ width: 48, height: 36, bgcolor: 'action.hover', borderRadius: 0.5 }} />;
}
