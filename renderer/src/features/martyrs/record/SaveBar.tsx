/** The bar under the record form: the keyboard help or the last notice, the unsaved mark, 保存并下一条 and 保存. */
import { Box, Button, Stack, Tooltip, Typography } from '@mui/material';
import { useMartyrsT } from '../i18n';

export function SaveBar({ help, dirty, busy, readOnly, notice, onSave, onSaveNext }: { help: string; dirty: boolean; busy: boolean; readOnly: boolean; notice: { text: string; id?: number } | null; onSave: () => void; onSaveNext: () => void }) {
  const mt = useMartyrsT();
  return (
    <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', px: 2, py: 1, borderTop: 1, borderColor: 'divider', bgcolor: '#fafbfc', flexShrink: 0 }}>
      <Box sx={{ flex: 1, minWidth: 0 }}>
        {notice ? (
          <Typography variant="body2" noWrap data-testid="martyr-notice" sx={{ fontWeight: 500, color: 'success.dark' }}>
            {notice.text}
            {notice.id ? (
              <Button size="small" href={`#/martyrs/${notice.id}`} sx={{ ml: 1, py: 0, minWidth: 0 }}>
                {mt('form.open')}
              </Button>
            ) : null}
          </Typography>
        ) : (
          <Typography variant="caption" color="text.secondary" noWrap component="p" title={help}>
            {help}
          </Typography>
        )}
      </Box>
      {readOnly ? null : (
        <>
          <Typography variant="caption" sx={{ color: dirty ? 'warning.dark' : 'text.disabled', whiteSpace: 'nowrap' }} data-testid="martyr-dirty" data-dirty={dirty ? 'true' : 'false'}>
            {dirty ? `● ${mt('form.dirty')}` : ''}
          </Typography>
          <Tooltip title={mt('form.saveNextHint')}>
            <span>
              <Button variant="outlined" onClick={onSaveNext} disabled={busy} data-testid="martyr-save-next">
                {mt('form.saveNext')}
              </Button>
            </span>
          </Tooltip>
          <Tooltip title={mt('form.saveHint')}>
            <span>
              <Button variant="contained" onClick={onSave} disabled={busy} data-testid="martyr-save">
                {busy ? mt('form.saving') : mt('form.save')}
              </Button>
            </span>
          </Tooltip>
        </>
      )}
    </Stack>
  );
}
