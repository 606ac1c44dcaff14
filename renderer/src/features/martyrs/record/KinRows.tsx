/**
 * 亲属: repeatable rows of name, relation and note. Alt+K (or the button) adds a row and puts the
 * cursor in its name; a row left empty is not saved.
 */
import { Box, Button, IconButton, TextField, Tooltip, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/PersonAddAlt1Outlined';
import RemoveIcon from '@mui/icons-material/RemoveCircleOutlineOutlined';
import { relations } from '../../../../../shared/contract';
import { useLang } from '../../../i18n';
import { useMartyrLabels, useMartyrsT } from '../i18n';
import { useForm } from './fields';
import { newKin, type KinRow, type Relation } from './formState';

export function KinRows() {
  const { form, set, errorOf, readOnly } = useForm();
  const mt = useMartyrsT();
  const labels = useMartyrLabels();
  const { pick } = useLang();
  const rows = form.nextOfKin;
  const update = (key: number, patch: Partial<KinRow>) => set({ nextOfKin: rows.map((r) => (r.key === key ? { ...r, ...patch } : r)) });

  return (
    <Box sx={{ gridColumn: 'span 12' }} data-testid="kin-rows">
      {rows.length === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {mt('form.noKin')}
        </Typography>
      ) : null}
      {rows.map((row, i) => {
        const error = errorOf(`nextOfKin.${i}.name`);
        return (
          <Box key={row.key} sx={{ display: 'grid', gridTemplateColumns: 'minmax(120px, 1fr) 130px minmax(140px, 2fr) 36px', gap: 1, mb: 1, alignItems: 'flex-start' }}>
            <TextField
              label={mt('fields.kinName')}
              value={row.name}
              onChange={(e) => update(row.key, { name: e.target.value })}
              error={Boolean(error)}
              helperText={error ? pick(error) : undefined}
              autoComplete="off"
              slotProps={{ htmlInput: { 'data-testid': `field-nextOfKin-${i}-name`, 'data-kin-name': row.key, maxLength: 60, readOnly }, inputLabel: { shrink: true } }}
            />
            <TextField
              select
              label={mt('fields.kinRelation')}
              value={row.relation}
              onChange={(e) => update(row.key, { relation: e.target.value as Relation })}
              disabled={readOnly}
              slotProps={{ select: { native: true }, htmlInput: { 'data-testid': `field-nextOfKin-${i}-relation` }, inputLabel: { shrink: true } }}
            >
              {relations.map((r) => (
                <option key={r} value={r}>
                  {labels.relation(r)}
                </option>
              ))}
            </TextField>
            <TextField
              label={mt('fields.kinNote')}
              value={row.note}
              onChange={(e) => update(row.key, { note: e.target.value })}
              autoComplete="off"
              slotProps={{ htmlInput: { 'data-testid': `field-nextOfKin-${i}-note`, maxLength: 200, readOnly }, inputLabel: { shrink: true } }}
            />
            {readOnly ? null : (
              <Tooltip title={mt('form.removeKin')}>
                <IconButton size="small" onClick={() => set({ nextOfKin: rows.filter((r) => r.key !== row.key) })} aria-label={mt('form.removeKin')} sx={{ mt: 0.5 }}>
                  <RemoveIcon fontSize="small" />
                </IconButton>
              </Tooltip>
            )}
          </Box>
        );
      })}
      {readOnly ? null : (
        <Tooltip title={mt('form.addKinHint')}>
          <Button size="small" startIcon={<AddIcon />} onClick={() => addKin(form.nextOfKin, set)} data-testid="kin-add">
            {mt('form.addKin')}
          </Button>
        </Tooltip>
      )}
    </Box>
  );
}

/** Adds an empty row and puts the cursor in its name field. */
export function addKin(rows: KinRow[], set: (patch: { nextOfKin: KinRow[] }) => void): void {
  if (rows.length >= 20) return;
  const row = newKin();
  set({ nextOfKin: [...rows, row] });
  window.setTimeout(() => document.querySelector<HTMLInputElement>(`[data-kin-name="${row.key}"]`)?.focus(), 0);
}
