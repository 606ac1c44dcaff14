/**
 * 文书打印 — the issued-documents register (newest first, a keyset page at a time) and, at
 * `#/documents/<id>`, the preview of one document.
 */
import { useCallback } from 'react';
import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { IssuedDocument } from '../../../../shared/contract';
import { useClient } from '../../app/clientContext';
import { hrefOf, navigate } from '../../app/router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { LoadMore } from '../../components/LoadMore';
import { formatDateTime } from '../../lib/format';
import { useKeysetPages } from '../../lib/useKeysetPages';
import { useDocumentsT } from './i18n';
import { DocumentPreview } from './DocumentPreview';
import { PrintRollButton } from './RollDialog';
import { editors } from '../../../../shared/contract';
import { useUser } from '../auth/SessionProvider';

export function DocumentsPage({ path }: { path: string }) {
  const id = /^\/documents\/(\d+)$/.exec(path)?.[1];
  return id ? <DocumentPreview key={id} id={Number(id)} /> : <DocumentRegister />;
}

function DocumentRegister() {
  const dt = useDocumentsT();
  const client = useClient();
  const fetchPage = useCallback((after: { id: number } | undefined) => client.call('documents.list', after ? { limit: 100, after } : { limit: 100 }), [client]);
  const list = useKeysetPages<IssuedDocument, { id: number }>('documents', fetchPage);
  const columns = ['serial', 'title', 'names', 'pages', 'createdAt', 'createdBy'] as const;
  const mayPrint = editors.includes(useUser().role);
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5, minHeight: 0 }}>
      <Box sx={{ display: 'flex', gap: 1.5, alignItems: 'baseline' }}>
        <Typography variant="h6">{dt('register.title')}</Typography>
        <Typography variant="body2" color="text.secondary" data-testid="document-count">
          {dt('register.count', { count: list.count ?? 0 })}
        </Typography>
        <Box sx={{ flex: 1 }} />
        {mayPrint ? <PrintRollButton /> : null}
      </Box>
      <Typography variant="body2" color="text.secondary">
        {dt('register.lead')}
      </Typography>
      <ApiErrorAlert error={list.error} />
      {list.rows && list.rows.length === 0 ? (
        <Typography color="text.secondary" sx={{ py: 4, textAlign: 'center' }} data-testid="documents-empty">
          {dt('register.empty')}
        </Typography>
      ) : (
        <Box sx={{ overflow: 'auto', bgcolor: 'background.paper', border: 1, borderColor: 'divider', borderRadius: 1 }}>
          <Table size="small" stickyHeader>
            <TableHead>
              <TableRow>
                {columns.map((c) => (
                  <TableCell key={c}>{dt(`register.columns.${c}`)}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {(list.rows ?? []).map((d) => (
                <TableRow key={d.id} hover sx={{ cursor: 'pointer' }} onClick={() => navigate(`/documents/${d.id}`)} data-testid={`document-row-${d.id}`}>
                  <TableCell sx={{ fontWeight: 500, whiteSpace: 'nowrap' }}>
                    <a href={hrefOf(`/documents/${d.id}`)} style={{ color: 'inherit', textDecoration: 'none' }}>
                      {d.serial}
                    </a>
                  </TableCell>
                  <TableCell>
                    {d.title}
                    {d.reprintOf ? (
                      <Typography component="span" variant="body2" color="error" sx={{ ml: 1 }}>
                        {dt('register.reprintOf', { serial: d.reprintOf.serial })}
                      </Typography>
                    ) : null}
                  </TableCell>
                  <TableCell>{d.names}</TableCell>
                  <TableCell>{d.pages}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(d.createdAt)}</TableCell>
                  <TableCell>{d.createdBy}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
      <LoadMore shown={list.rows?.length ?? 0} count={list.count ?? 0} hasMore={list.hasMore} busy={list.loadingMore} onMore={list.more} testId="document-list" />
    </Box>
  );
}
