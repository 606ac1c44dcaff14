import { Alert, Snackbar } from '@mui/material';

/** The short "done" message after an action (saved, restored, submitted…), closed by itself after 5 s. */
export function SuccessNotice({ notice, onClose, testId = 'notice' }: { notice: string | null; onClose: () => void; testId?: string }) {
  return (
    <Snackbar open={notice !== null} autoHideDuration={5000} onClose={onClose} anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}>
      <Alert severity="success" variant="filled" onClose={onClose} data-testid={testId}>
        {notice}
      </Alert>
    </Snackbar>
  );
}
