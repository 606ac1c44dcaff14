import { Box, Link, Stack, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import type { IntegrityProblem } from '../../../../../shared/contract';
import { hrefOf } from '../../../app/router';
import { formatBytes, formatCount } from '../../../lib/format';
import { useIntegrityT } from './i18n';
import { recordPath } from './format';

/** The attachment problems of one check: what, which file, and the records that use it (each opens where it can). */
export function ProblemList({ problems, total }: { problems: IntegrityProblem[]; total: number }) {
  const it = useIntegrityT();
  if (total === 0) {
    return (
      <Typography variant="body2" color="text.secondary" data-testid="integrity-no-problems">
        {it('noProblems')}
      </Typography>
    );
  }
  return (
    <Box data-testid="integrity-problems">
      <Typography variant="subtitle2" sx={{ mb: 0.5 }}>
        {it('problemsTitle', { count: formatCount(total) })}
      </Typography>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: 130 }}>{it('columns.kind')}</TableCell>
            <TableCell>{it('columns.file')}</TableCell>
            <TableCell>{it('columns.records')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {problems.map((p) => (
            <TableRow key={p.id} data-testid="integrity-problem" data-kind={p.kind}>
              <TableCell>
                <Tooltip title={it(`kindHints.${p.kind}`)}>
                  <Typography variant="body2" color={p.kind === 'orphan' ? 'text.secondary' : 'error'} sx={{ fontWeight: 600 }}>
                    {it(`kinds.${p.kind}`)}
                  </Typography>
                </Tooltip>
              </TableCell>
              <TableCell>
                {p.originalName ? <Typography variant="body2">{p.originalName}</Typography> : null}
                <Typography variant="caption" color="text.secondary" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
                  {p.file}
                  {p.size !== null ? ` · ${formatBytes(p.size)}` : ''}
                </Typography>
              </TableCell>
              <TableCell>
                {p.records.length === 0 ? (
                  <Typography variant="body2" color="text.secondary">
                    {it('noRecords')}
                  </Typography>
                ) : (
                  <Stack direction="row" sx={{ flexWrap: 'wrap', columnGap: 1.5, rowGap: 0.25 }}>
                    {p.records.map((r) => {
                      const text = `${it(`recordKinds.${r.kind}`)} ${r.label || `#${r.id}`}`;
                      const path = recordPath(r.kind, r.id);
                      return path ? (
                        <Link key={`${r.kind}-${r.id}`} href={hrefOf(path)} variant="body2" data-testid="integrity-record">
                          {text}
                        </Link>
                      ) : (
                        <Typography key={`${r.kind}-${r.id}`} variant="body2" data-testid="integrity-record">
                          {text}
                        </Typography>
                      );
                    })}
                    {p.recordsTotal > p.records.length ? (
                      <Typography variant="body2" color="text.secondary">
                        {it('moreRecords', { count: formatCount(p.recordsTotal) })}
                      </Typography>
                    ) : null}
                  </Stack>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
