import { Button, Chip, Paper, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { PersonRow } from '../../../../shared/contract/people';
import { usePlaquesT } from '../plaques/i18n';
import { usePeopleT } from './i18n';

/** The people found; Enter or a click opens one; "load more" fetches the next keyset page. */
export function PeopleTable({ rows, hasMore, onMore, onOpen }: { rows: PersonRow[] | null; hasMore: boolean; onMore: () => void; onOpen: (id: number) => void }) {
  const pt = usePlaquesT();
  const t = usePeopleT();
  return (
    <Paper variant="outlined" sx={{ overflow: 'auto', minHeight: 0 }}>
      <Table size="small" stickyHeader data-testid="people-table">
        <TableHead>
          <TableRow>{(['name', 'gender', 'idNumber', 'birth', 'place', 'note'] as const).map((c) => <TableCell key={c}>{pt(`people.cols.${c}`)}</TableCell>)}</TableRow>
        </TableHead>
        <TableBody>
          {(rows ?? []).map((p) => (
            <TableRow key={p.id} hover tabIndex={0} sx={{ cursor: 'pointer' }} onClick={() => onOpen(p.id)} onKeyDown={(e) => { if (e.key === 'Enter') onOpen(p.id); }} data-testid={`person-row-${p.id}`}>
              <TableCell>{p.name}</TableCell>
              <TableCell>{pt(`people.gender.${p.gender}`)}</TableCell>
              <TableCell>{p.idNumber}</TableCell>
              <TableCell>{p.birthDate}</TableCell>
              <TableCell>{p.addressDivision ?? ''}</TableCell>
              <TableCell>
                {p.martyrId !== null && <Chip size="small" label={pt('people.martyr')} />} {p.deceased && p.martyrId === null && <Chip size="small" label={pt('people.deceased')} />}{' '}
                {p.householdId !== null && <Chip size="small" label={pt('people.household')} />}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {rows?.length === 0 && <Typography sx={{ p: 2 }} color="text.secondary">{pt('people.empty')}</Typography>}
      {rows && rows.length > 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ p: 1 }} data-testid="people-shown">
          {t('shown', { count: rows.length })}
          {hasMore && <Button size="small" onClick={onMore} sx={{ ml: 1 }} data-testid="people-more">{t('more')}</Button>}
        </Typography>
      )}
    </Paper>
  );
}
