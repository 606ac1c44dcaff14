import { Box, Button, Paper, Typography } from '@mui/material';
import { useState } from 'react';
import type { Award } from '../../../../../shared/contract';
import { hrefOf, navigate } from '../../../app/router';
import { useClient } from '../../../app/clientContext';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import type { ApiError } from '../../../../../shared/contract';
import { useHonorsT } from '../i18n';
import { AttachmentList, FilePicker } from '../FilePicker';
import { DeadlineChip, LetterStatusChip } from '../LetterChips';
import { NewLetterDialog } from '../letters/NewLetterDialog';

/** Beside the award form: its files (the order, photos) and its good-news letter. */
export function AwardSide({ award, onChange, mayEdit }: { award: Award; onChange: (a: Award) => void; mayEdit: boolean }) {
  const ht = useHonorsT();
  const client = useClient();
  const [error, setError] = useState<ApiError | null>(null);
  const [creating, setCreating] = useState(false);
  const answer = (r: { ok: true; value: Award } | { ok: false; error: ApiError }) => (r.ok ? onChange(r.value) : setError(r.error));
  return (
    <Box sx={{ flex: '0 1 380px', display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Paper variant="outlined" sx={{ p: 2 }} data-testid="award-letter">
        <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
          {ht('form.letter')}
        </Typography>
        {award.letter ? (
          <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
            <Box sx={{ display: 'flex', gap: 1 }}>
              <LetterStatusChip status={award.letter.status} testId="award-letter-status" />
              <DeadlineChip row={award.letter} />
            </Box>
            <Typography variant="body2">{award.letter.familyAddress}</Typography>
            <Button variant="outlined" href={hrefOf(`/honors/letters/${award.letter.id}`)} data-testid="award-open-letter" sx={{ alignSelf: 'flex-start' }}>
              {ht('form.openLetter')}
            </Button>
          </Box>
        ) : (
          <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
            <Typography variant="body2" color="text.secondary">
              {ht('form.noLetterYet')}
            </Typography>
            {mayEdit ? (
              <Button variant="contained" onClick={() => setCreating(true)} data-testid="award-new-letter" sx={{ alignSelf: 'flex-start' }}>
                {ht('form.newLetter')}
              </Button>
            ) : null}
          </Box>
        )}
        {award.otherAwards > 0 ? (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {ht('form.otherAwards', { count: award.otherAwards })}
          </Typography>
        ) : null}
      </Paper>
      <Paper variant="outlined" sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1 }}>
        <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
          {ht('form.attachments')}
        </Typography>
        {award.attachments.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {ht('form.noFiles')}
          </Typography>
        ) : (
          <AttachmentList items={award.attachments} testId="award-files" onRemove={mayEdit ? (attachmentId) => void client.call('awards.detach', { awardId: award.id, attachmentId }).then(answer) : undefined} />
        )}
        {mayEdit ? <FilePicker label={ht('form.addFile')} testId="award-file" onStored={async (stored) => answer(await client.call('awards.attach', { awardId: award.id, attachmentIds: stored.map((a) => a.id) }))} /> : null}
        <ApiErrorAlert error={error} onClose={() => setError(null)} />
      </Paper>
      {creating ? <NewLetterDialog award={award} onClose={() => setCreating(false)} onCreated={(letterId) => navigate(`/honors/letters/${letterId}`)} /> : null}
    </Box>
  );
}
