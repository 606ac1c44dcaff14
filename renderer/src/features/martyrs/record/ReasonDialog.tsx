/**
 * Asks for a reason before an action that needs one (退回, 删除, a change to a verified record).
 * Enter in the reason confirms (Shift+Enter for a new line), Esc cancels.
 */
import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../../shared/contract';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useMartyrsT } from '../i18n';

interface Props {
  title: string;
  lead: string;
  label: string;
  confirm: string;
  busy?: boolean;
  error?: ApiError | null;
  onConfirm: (reason: string) => void;
  onClose: () => void;
  inputTestId: string;
  confirmTestId: string;
  danger?: boolean;
}

export function ReasonDialog({ title, lead, label, confirm, busy, error, onConfirm, onClose, inputTestId, confirmTestId, danger }: Props) {
  const mt = useMartyrsT();
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [attempted, setAttempted] = useState(false);
  const missing = reason.trim() === '';
  const go = () => {
    setAttempted(true);
    if (!missing && !busy) onConfirm(reason.trim());
  };
  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth aria-labelledby="reason-title" data-testid="reason-dialog">
      <DialogTitle id="reason-title">{title}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{lead}</DialogContentText>
        <TextField
          autoFocus
          multiline
          minRows={2}
          label={label}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              go();
            }
          }}
          error={attempted && missing}
          helperText={attempted && missing ? mt('record.reasonRequired') : ' '}
          slotProps={{ htmlInput: { 'data-testid': inputTestId, maxLength: 500 } }}
        />
        <ApiErrorAlert error={error} sx={{ mt: 1 }} />
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose} disabled={busy}>
          {t('common.cancel')}
        </Button>
        <Button variant="contained" color={danger ? 'error' : 'primary'} onClick={go} disabled={busy} data-testid={confirmTestId}>
          {confirm}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** 放弃未保存的修改？ — before leaving a form with changes. */
export function LeaveDialog({ onLeave, onStay }: { onLeave: () => void; onStay: () => void }) {
  const mt = useMartyrsT();
  return (
    <Dialog open onClose={onStay} maxWidth="xs" fullWidth data-testid="leave-dialog">
      <DialogTitle>{mt('form.leaveTitle')}</DialogTitle>
      <DialogContent>
        <DialogContentText>{mt('form.leaveLead')}</DialogContentText>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onStay} autoFocus data-testid="leave-stay">
          {mt('form.leaveStay')}
        </Button>
        <Button color="error" onClick={onLeave} data-testid="leave-confirm">
          {mt('form.leaveConfirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
