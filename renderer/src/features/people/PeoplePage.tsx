import { useEffect, useState } from 'react';
import { Box, Button, Stack, TextField, Typography } from '@mui/material';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { usePlaquesT } from '../plaques/i18n';
import { PeopleTable } from './PeopleTable';
import { PersonDialog } from './PersonDialog';
import { usePeoplePages } from './usePeoplePages';

/** A key typed on the page itself, not into a field or an open dialog. */
function onPage(e: KeyboardEvent): boolean {
  const t = e.target;
  if (t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || (t instanceof HTMLElement && t.isContentEditable)) return false;
  return !e.ctrlKey && !e.altKey && !e.metaKey && !document.querySelector('[role=dialog]');
}

/**
 * 人员: one table of people (martyrs, qualifying persons, family members), in keyset pages;
 * a person opens for editing with relations. ID numbers masked by role. Keyboard: N registers a person.
 */
export function PeoplePage() {
  const pt = usePlaquesT();
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<number | 'new' | null>(null);
  const [version, setVersion] = useState(0);
  const people = usePeoplePages(query, version);

  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(typed.trim()), 200);
    return () => window.clearTimeout(timer);
  }, [typed]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (onPage(e) && (e.key === 'n' || e.key === 'N')) {
        e.preventDefault();
        setOpen('new');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <Box sx={{ p: 2, display: 'flex', flexDirection: 'column', minHeight: 0, flex: 1 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2 }}>
        <Typography variant="h5">{pt('people.title')}</Typography>
        <TextField size="small" autoFocus label={pt('people.search')} value={typed} onChange={(e) => setTyped(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'people-search' } }} />
        <Button variant="contained" onClick={() => setOpen('new')} data-testid="people-add">{pt('people.add')}</Button>
      </Stack>
      <ApiErrorAlert error={people.error} />
      <PeopleTable rows={people.rows} hasMore={people.hasMore} onMore={() => void people.more()} onOpen={setOpen} />
      {open !== null && <PersonDialog key={String(open)} id={open === 'new' ? null : open} onClose={() => setOpen(null)} onSaved={() => setVersion((v) => v + 1)} />}
    </Box>
  );
}
