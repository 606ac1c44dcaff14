import { useState } from 'react';
import { Alert, Box, Button, IconButton, Paper, Stack, TextField, Typography } from '@mui/material';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import type { Division, Settings } from '../../../../shared/contract';
import { checkPlaqueNumberPattern, formatPlaqueNumber } from '../../../../shared/rules/plaque';
import { useLang } from '../../i18n';
import { useAction, useQuery } from '../../lib/useApi';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DivisionPicker } from '../../components/DivisionPicker';
import { usePlaquesT } from './i18n';

interface Row {
  county: string;
  name: string;
  pattern: string;
}

/** A pattern field that says what is wrong with it, or shows the number it makes. */
function PatternField({ label, value, onChange, county, testId }: { label: string; value: string; onChange: (v: string) => void; county: string; testId: string }) {
  const pt = usePlaquesT();
  const { pick } = useLang();
  const check = checkPlaqueNumberPattern(value);
  return (
    <TextField
      sx={{ flex: 1 }}
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={!check.ok}
      helperText={check.ok ? pt('patterns.example', { number: formatPlaqueNumber(value, { county, year: new Date().getFullYear(), seq: 1 }) }) : pick(check.reason)}
      slotProps={{ htmlInput: { maxLength: 60, 'data-testid': testId, style: { fontFamily: 'ui-monospace, Consolas, monospace' } } }}
    />
  );
}

/** A county's row: its name (from the divisions) and its pattern. */
function CountyPattern({ row, onChange }: { row: Row; onChange: (v: string) => void }) {
  const county = useQuery('divisions.get', { code: `${row.county}000000` }, row.name === '');
  const name = row.name || county.data?.name || '';
  return <PatternField label={name ? `${name}（${row.county}）` : row.county} value={row.pattern} county={row.county} testId={`pattern-${row.county}`} onChange={onChange} />;
}

/** 光荣牌编号格式: the office's pattern and a county's own where it differs; the backend checks them again on save. */
export function NumberPatternSettings({ initial }: { initial: Settings }) {
  const pt = usePlaquesT();
  const update = useAction('settings.update');
  const [pattern, setPattern] = useState(initial.plaqueNumberPattern);
  const [rows, setRows] = useState<Row[]>(Object.entries(initial.plaqueNumberPatterns).map(([county, p]) => ({ county, name: '', pattern: p })));
  const [adding, setAdding] = useState<Division | null>(null);
  const [saved, setSaved] = useState(false);
  const allOk = checkPlaqueNumberPattern(pattern).ok && rows.every((r) => checkPlaqueNumberPattern(r.pattern).ok);

  const save = async () => {
    setSaved(false);
    const result = await update.run({ plaqueNumberPattern: pattern, plaqueNumberPatterns: Object.fromEntries(rows.map((r) => [r.county, r.pattern])) });
    if (result) setSaved(true);
  };

  return (
    <Paper variant="outlined" sx={{ p: 3, maxWidth: 640 }} data-testid="plaque-patterns">
      <Stack spacing={2}>
        <Typography variant="subtitle1">{pt('patterns.title')}</Typography>
        <Typography variant="body2" color="text.secondary">{pt('patterns.lead')}</Typography>
        <PatternField label={pt('patterns.default')} value={pattern} onChange={setPattern} county="371621" testId="pattern-default" />
        {rows.map((r, i) => (
          <Stack key={r.county} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
            <CountyPattern row={r} onChange={(v) => setRows(rows.map((x, j) => (j === i ? { ...x, pattern: v } : x)))} />
            <IconButton aria-label={pt('patterns.remove')} onClick={() => setRows(rows.filter((_x, j) => j !== i))} sx={{ mt: 1 }}><DeleteIcon /></IconButton>
          </Stack>
        ))}
        <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
          <Box sx={{ flex: 1 }}><DivisionPicker value={adding} onChange={setAdding} maxLevel={3} label={pt('patterns.county')} testId="pattern-county" /></Box>
          <Button
            sx={{ mt: 1 }}
            disabled={!adding || adding.level !== 3 || rows.some((r) => r.county === adding.code.slice(0, 6))}
            onClick={() => {
              if (!adding) return;
              setRows([...rows, { county: adding.code.slice(0, 6), name: adding.name, pattern }]);
              setAdding(null);
            }}
            data-testid="pattern-add"
          >
            {pt('patterns.add')}
          </Button>
        </Stack>
        <ApiErrorAlert error={update.error} />
        {saved && <Alert severity="success" onClose={() => setSaved(false)}>{pt('patterns.saved')}</Alert>}
        <Box><Button variant="contained" disabled={!allOk || update.busy} onClick={() => void save()} data-testid="patterns-save">{pt('form.save').replace(/（.*）|\s*\(.*\)/, '')}</Button></Box>
      </Stack>
    </Paper>
  );
}
