import { Box, Button, Checkbox, Paper, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import type { AwardClass } from '../../../../../shared/contract';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useAction, useQuery } from '../../../lib/useApi';
import { useHonorsT } from '../i18n';

type Draft = { name: string; deadlineDays: string; deliverers: string; active: boolean };
const draftOf = (c: AwardClass): Draft => ({ name: c.name, deadlineDays: String(c.deadlineDays), deliverers: c.deliverers, active: c.active });

/** Each class's working days from receipt to delivery and who must deliver; a row saves on its own. */
export function ClassSettings({ admin }: { admin: boolean }) {
  const ht = useHonorsT();
  const classes = useQuery('awardClasses.list', {});
  const save = useAction('awardClasses.save');
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const rows: { key: string; id?: number; awards: number; draft: Draft }[] = [
    ...(classes.data ?? []).map((c) => ({ key: String(c.id), id: c.id, awards: c.awardCount, draft: drafts[String(c.id)] ?? draftOf(c) })),
    ...(admin ? [{ key: 'new', awards: 0, draft: drafts.new ?? { name: '', deadlineDays: '10', deliverers: '', active: true } }] : []),
  ];
  const edit = (key: string, draft: Draft) => setDrafts((d) => ({ ...d, [key]: draft }));
  const submit = async (key: string, id: number | undefined, d: Draft) => {
    const saved = await save.run({ id, name: d.name, deadlineDays: Number(d.deadlineDays), deliverers: d.deliverers, active: d.active });
    if (!saved) return;
    setDrafts(({ [key]: _gone, ...rest }) => rest);
    classes.reload();
  };
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Typography variant="h6">{ht('settings.classes')}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {ht('settings.classesLead')}
      </Typography>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{ht('settings.name')}</TableCell>
            <TableCell>{ht('settings.deadlineDays')}</TableCell>
            <TableCell>{ht('settings.deliverers')}</TableCell>
            <TableCell>{ht('settings.active')}</TableCell>
            <TableCell>{ht('settings.awards')}</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map(({ key, id, awards, draft }) => (
            <TableRow key={key} data-testid={`class-row-${key}`}>
              <TableCell>
                <TextField size="small" variant="standard" value={draft.name} disabled={!admin} placeholder={key === 'new' ? ht('settings.add') : undefined} onChange={(e) => edit(key, { ...draft, name: e.target.value })} slotProps={{ htmlInput: { 'data-testid': `class-name-${key}` } }} sx={{ width: 140 }} />
              </TableCell>
              <TableCell>
                <TextField size="small" variant="standard" type="number" value={draft.deadlineDays} disabled={!admin} onChange={(e) => edit(key, { ...draft, deadlineDays: e.target.value })} slotProps={{ htmlInput: { min: 1, max: 60, 'data-testid': `class-days-${key}` } }} sx={{ width: 70 }} />
              </TableCell>
              <TableCell sx={{ width: '50%' }}>
                <TextField size="small" variant="standard" fullWidth value={draft.deliverers} disabled={!admin} onChange={(e) => edit(key, { ...draft, deliverers: e.target.value })} slotProps={{ htmlInput: { 'data-testid': `class-deliverers-${key}` } }} />
              </TableCell>
              <TableCell>
                <Checkbox size="small" checked={draft.active} disabled={!admin} onChange={(e) => edit(key, { ...draft, active: e.target.checked })} />
              </TableCell>
              <TableCell>{key === 'new' ? '' : awards}</TableCell>
              <TableCell>
                {admin && (drafts[key] !== undefined) ? (
                  <Button size="small" variant="contained" disabled={save.busy || draft.name.trim() === ''} onClick={() => void submit(key, id, draft)} data-testid={`class-save-${key}`}>
                    {key === 'new' ? ht('settings.add') : ht('settings.save')}
                  </Button>
                ) : null}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Box sx={{ mt: 1 }}>
        <ApiErrorAlert error={save.error} onClose={save.clearError} />
      </Box>
    </Paper>
  );
}
