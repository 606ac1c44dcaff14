/**
 * The preview of a spreadsheet: above the table one field per column (a native select, so the
 * keyboard and screen readers work as usual), the title rows above the header greyed, the header
 * row marked, the first data rows. Clicking a row (or Enter on it) makes it the header.
 */
import { alpha, Box, Typography } from '@mui/material';
import type { ImportPreview } from '../../../../shared/contract/martyrImport';
import { useLang } from '../../i18n';
import { useImportsT } from './i18n';

interface Props {
  preview: ImportPreview;
  mapping: Record<string, string>;
  busy: boolean;
  onMap: (column: number, key: string) => void;
  onHeader: (rowNumber: number) => void;
}

/** A, B, … Z, AA … (the column names a spreadsheet shows). */
function letters(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A title merged across the top comes back in every cell it covers: shown once. */
function isTitle(cells: readonly string[]): boolean {
  const filled = cells.filter((c) => c !== '');
  return filled.length > 1 && filled.every((c) => c === filled[0]);
}

export function ImportPreviewTable({ preview, mapping, busy, onMap, onHeader }: Props) {
  const mt = useImportsT();
  const { pick } = useLang();
  const width = Math.max(preview.header.length, ...preview.above.map((r) => r.cells.length), ...preview.rows.map((r) => r.cells.length), 1);
  const columns = Array.from({ length: width }, (_, i) => i);
  const headerNumber = preview.headerRow === null ? null : preview.headerRow + 1;
  const rowProps = (rowNumber: number) => ({
    onClick: busy ? undefined : () => onHeader(rowNumber),
    onKeyDown: (e: React.KeyboardEvent) => {
      if (!busy && (e.key === 'Enter' || e.key === ' ')) {
        e.preventDefault();
        onHeader(rowNumber);
      }
    },
    tabIndex: 0,
    title: mt('headerHint'),
    'data-row': rowNumber,
  });

  return (
    <Box sx={{ overflow: 'auto', maxHeight: 460, border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'background.paper', opacity: busy ? 0.6 : 1 }}>
      <Box
        component="table"
        sx={{
          borderCollapse: 'separate',
          borderSpacing: 0,
          fontSize: '0.8125rem',
          '& th, & td': { borderBottom: 1, borderRight: 1, borderColor: 'divider', px: 1, py: 0.5, textAlign: 'left', whiteSpace: 'nowrap', maxWidth: 260, overflow: 'hidden', textOverflow: 'ellipsis' },
          '& tbody tr': { cursor: busy ? 'wait' : 'pointer' },
          '& tbody tr:hover td': { bgcolor: 'action.hover' },
          '& tbody tr:focus-visible': { outline: '2px solid', outlineColor: 'primary.main', outlineOffset: -2 },
          '& .rownum': { color: 'text.secondary', bgcolor: '#f8f9fa', textAlign: 'right', fontVariantNumeric: 'tabular-nums', position: 'sticky', left: 0 },
        }}
      >
        <thead>
          <tr>
            <Box component="th" className="rownum" sx={{ position: 'sticky', top: 0, zIndex: 2, fontWeight: 400 }}>
              {mt('row')}
            </Box>
            {columns.map((i) => {
              const key = mapping[String(i)] ?? '';
              return (
                <Box component="th" key={i} sx={{ position: 'sticky', top: 0, zIndex: 1, bgcolor: (theme) => (key ? alpha(theme.palette.primary.main, 0.06) : '#fafafa'), py: 0.75, minWidth: 120 }}>
                  <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                    {letters(i)}
                  </Typography>
                  <Box
                    component="select"
                    value={key}
                    disabled={busy}
                    aria-label={`${mt('mapping')} ${letters(i)}`}
                    data-testid={`import-map-${i}`}
                    onChange={(e: React.ChangeEvent<HTMLSelectElement>) => onMap(i, e.target.value)}
                    sx={{ font: 'inherit', fontWeight: key ? 600 : 400, color: key ? 'primary.dark' : 'text.secondary', width: '100%', py: 0.25, border: 1, borderColor: 'divider', borderRadius: 0.5, bgcolor: 'background.paper' }}
                  >
                    <option value="">{mt('notImported')}</option>
                    {preview.columns.map((c) => (
                      <option key={c.key} value={c.key}>
                        {pick(c.label)}
                        {c.required ? ` *（${mt('required')}）` : ''}
                      </option>
                    ))}
                  </Box>
                </Box>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {preview.above.map((r) => (
            <Box component="tr" key={`a${r.rowNumber}`} {...rowProps(r.rowNumber)} sx={{ '& td': { color: 'text.disabled', bgcolor: '#fcfcfc' } }} data-testid="import-above-row">
              <td className="rownum">{r.rowNumber}</td>
              {isTitle(r.cells) ? (
                <td colSpan={width}>{r.cells.find((c) => c !== '')}</td>
              ) : (
                columns.map((i) => <td key={i}>{r.cells[i] ?? ''}</td>)
              )}
            </Box>
          ))}
          {headerNumber !== null ? (
            <Box component="tr" {...rowProps(headerNumber)} data-testid="import-header-row" sx={{ '& td': { fontWeight: 700, bgcolor: (theme) => alpha(theme.palette.primary.main, 0.08), borderBottom: 2, borderBottomColor: 'primary.main' } }}>
              <td className="rownum">{headerNumber}</td>
              {columns.map((i) => (
                <td key={i}>{preview.header[i] ?? ''}</td>
              ))}
            </Box>
          ) : null}
          {preview.rows.slice(0, 20).map((r) => (
            <Box component="tr" key={`r${r.rowNumber}`} {...rowProps(r.rowNumber)} data-testid="import-data-row">
              <td className="rownum">{r.rowNumber}</td>
              {columns.map((i) => (
                <Box component="td" key={i} sx={{ color: mapping[String(i)] ? 'text.primary' : 'text.disabled' }}>
                  {r.cells[i] ?? ''}
                </Box>
              ))}
            </Box>
          ))}
        </tbody>
      </Box>
      <Typography variant="caption" color="text.secondary" sx={{ display: 'block', px: 1, py: 0.5 }}>
        {mt('rowsShown', { count: Math.min(20, preview.rows.length) })}
        {preview.truncated || preview.rows.length > 20 ? ` ${mt('rowsTruncated', { count: Math.min(20, preview.rows.length) })}` : ''}
      </Typography>
    </Box>
  );
}
