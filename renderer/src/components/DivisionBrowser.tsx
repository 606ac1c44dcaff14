import { useState } from 'react';
import {
  Box,
  Breadcrumbs,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Link,
  List,
  ListItem,
  ListItemButton,
  ListItemText,
  Typography,
} from '@mui/material';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import { useTranslation } from 'react-i18next';
import type { Division } from '../../../shared/contract';
import { useQuery } from '../lib/useApi';
import { ApiErrorAlert } from './ApiErrorAlert';
import type { DivisionLevel } from './DivisionPicker';

interface Props {
  within?: string;
  maxLevel?: DivisionLevel;
  onChoose: (division: Division) => void;
  onClose: () => void;
}

/** Level-by-level browsing (province → prefecture → county → township → village) with `divisions.children`. */
export function DivisionBrowser({ within, maxLevel = 5, onChoose, onClose }: Props) {
  const { t } = useTranslation();
  const [path, setPath] = useState<Division[]>([]);
  const current = path.at(-1) ?? null;
  const root = useQuery('divisions.get', { code: within ?? '000000000000' }, within !== undefined);
  const children = useQuery('divisions.children', { parentCode: current?.code ?? within ?? null });
  const levels = t('divisions.levels', { returnObjects: true }) as Record<string, string>;
  const rows = children.data ?? [];

  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="division-browser-title">
      <DialogTitle id="division-browser-title">{t('picker.browseTitle')}</DialogTitle>
      <DialogContent dividers sx={{ p: 0 }}>
        <Box sx={{ px: 2, py: 1.25, borderBottom: 1, borderColor: 'divider', bgcolor: 'background.default' }}>
          <Breadcrumbs maxItems={6} aria-label={t('picker.browseTitle')}>
            <Link component="button" type="button" underline="hover" color={current ? 'inherit' : 'text.primary'} onClick={() => setPath([])}>
              {within ? (root.data?.name ?? within) : t('picker.top')}
            </Link>
            {path.map((d, i) => (
              <Link
                key={d.code}
                component="button"
                type="button"
                underline="hover"
                color={i === path.length - 1 ? 'text.primary' : 'inherit'}
                onClick={() => setPath(path.slice(0, i + 1))}
              >
                {d.name}
              </Link>
            ))}
          </Breadcrumbs>
        </Box>
        <ApiErrorAlert error={children.error} sx={{ m: 2 }} />
        {children.loading && rows.length === 0 ? (
          <Box sx={{ p: 3, display: 'grid', placeItems: 'center' }}>
            <CircularProgress size={24} />
          </Box>
        ) : null}
        {!children.loading && rows.length === 0 && !children.error ? (
          <Typography sx={{ p: 3 }} color="text.secondary">
            {t('picker.noChildren')}
          </Typography>
        ) : null}
        <List key={current?.code ?? 'top'} dense sx={{ height: 360, overflow: 'auto', opacity: children.loading ? 0.5 : 1 }}>
          {rows.map((d) => {
            const canOpen = d.level < maxLevel;
            return (
              <ListItem
                key={d.code}
                disablePadding
                // room for the chevron beside the button (ListItem's own 48 px rule would win over the button's sx)
                sx={{ '& > .MuiListItemButton-root': { pr: 12 } }}
                secondaryAction={
                  <Button size="small" onClick={() => onChoose(d)}>
                    {t('common.select')}
                  </Button>
                }
              >
                <ListItemButton onClick={() => (canOpen ? setPath([...path, d]) : onChoose(d))}>
                  <ListItemText
                    primary={d.name}
                    secondary={`${d.code} · ${levels[String(d.level)] ?? d.level}`}
                    slotProps={{ secondary: { sx: { fontFamily: 'ui-monospace, Consolas, monospace', fontSize: 12 } } }}
                  />
                  {canOpen ? <ChevronRightIcon fontSize="small" color="action" /> : null}
                </ListItemButton>
              </ListItem>
            );
          })}
        </List>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        {current ? (
          <Button variant="contained" onClick={() => onChoose(current)}>
            {t('picker.chooseThis', { name: current.name })}
          </Button>
        ) : null}
      </DialogActions>
    </Dialog>
  );
}
