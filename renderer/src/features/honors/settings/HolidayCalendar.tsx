import { Alert, Box, Button, Chip, Paper, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { DateInput } from '../../../components/DateInput';
import { useAction, useQuery } from '../../../lib/useApi';
import { useHonorsT } from '../i18n';

/** The office's holidays and make-up working days (调休) of a year; a range is entered at once. */
export function HolidayCalendar({ admin }: { admin: boolean }) {
  const ht = useHonorsT();
  const [year, setYear] = useState(new Date().getFullYear());
  const days = useQuery('calendar.list', { year });
  const set = useAction('calendar.set');
  const [from, setFrom] = useState<string | undefined>();
  const [to, setTo] = useState<string | undefined>();
  const [kind, setKind] = useState<'holiday' | 'workday' | 'clear'>('holiday');
  const [name, setName] = useState('');
  const [done, setDone] = useState('');
  const apply = async () => {
    if (!from) return;
    const result = await set.run({ from, to: to ?? from, kind: kind === 'clear' ? null : kind, name });
    if (!result) return;
    setDone(ht('settings.applied', { changed: result.changed, letters: result.lettersRescheduled }));
    days.reload();
  };
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="holiday-calendar">
      <Typography variant="h6">{ht('settings.calendar')}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
        {ht('settings.calendarLead')}
      </Typography>
      {admin ? (
        <Box sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap', alignItems: 'center', mb: 2 }}>
          <DateInput label={ht('settings.from')} value={from} onChange={setFrom} testId="calendar-from" sx={{ width: 200 }} />
          <DateInput label={ht('settings.to')} value={to} onChange={setTo} testId="calendar-to" sx={{ width: 200 }} />
          <TextField size="small" select label={ht('settings.kind')} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)} sx={{ width: 140 }} slotProps={{ select: { native: true }, htmlInput: { 'data-testid': 'calendar-kind' }, inputLabel: { shrink: true } }}>
            <option value="holiday">{ht('settings.holiday')}</option>
            <option value="workday">{ht('settings.workday')}</option>
            <option value="clear">{ht('settings.clear')}</option>
          </TextField>
          <TextField size="small" label={ht('settings.dayName')} value={name} onChange={(e) => setName(e.target.value)} sx={{ width: 200 }} slotProps={{ inputLabel: { shrink: true } }} />
          <Button variant="contained" onClick={() => void apply()} disabled={!from || set.busy} data-testid="calendar-apply">
            {ht('settings.apply')}
          </Button>
        </Box>
      ) : null}
      <ApiErrorAlert error={set.error} onClose={set.clearError} />
      {done ? <Alert severity="success" sx={{ mb: 1 }}>{done}</Alert> : null}
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1 }}>
        <Button size="small" onClick={() => setYear(year - 1)}>‹</Button>
        <Typography sx={{ fontWeight: 600 }}>{year}</Typography>
        <Button size="small" onClick={() => setYear(year + 1)}>›</Button>
      </Box>
      {days.data && days.data.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {ht('settings.noDays')}
        </Typography>
      ) : (
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.75 }} data-testid="calendar-days">
          {(days.data ?? []).map((d) => (
            <Chip key={d.day} size="small" color={d.kind === 'holiday' ? 'error' : 'info'} variant={d.kind === 'holiday' ? 'filled' : 'outlined'} label={`${d.day} ${d.kind === 'holiday' ? ht('settings.holiday') : ht('settings.workday')}${d.name ? ` · ${d.name}` : ''}`} />
          ))}
        </Box>
      )}
    </Paper>
  );
}
