import type { ReactNode } from 'react';
import { alpha, Box, Chip, List, ListItem, ListItemIcon, ListItemText, Paper, Stack, Typography } from '@mui/material';
import CheckIcon from '@mui/icons-material/CheckCircleOutlineOutlined';

interface Props {
  icon: ReactNode;
  title: string;
  lead: string;
  /** A chip beside the title, e.g. "coming in a later release". */
  badge?: string;
  /** A heading over the bullets. */
  listTitle?: string;
  bullets?: readonly string[];
  children?: ReactNode;
  testId?: string;
}

/** A page or panel with nothing in it yet: says what it is for and what will be there. */
export function EmptyState({ icon, title, lead, badge, listTitle, bullets, children, testId }: Props) {
  return (
    <Paper variant="outlined" sx={{ p: { xs: 3, md: 4 }, maxWidth: 820 }} data-testid={testId}>
      <Stack direction="row" spacing={2.5} sx={{ alignItems: 'flex-start' }}>
        <Box
          aria-hidden
          sx={{
            width: 56,
            height: 56,
            borderRadius: 2,
            display: 'grid',
            placeItems: 'center',
            flexShrink: 0,
            bgcolor: (theme) => alpha(theme.palette.primary.main, 0.08),
            color: 'primary.main',
            '& svg': { fontSize: 30 },
          }}
        >
          {icon}
        </Box>
        <Box sx={{ minWidth: 0 }}>
          <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
            <Typography variant="h5" component="h1" sx={{ fontWeight: 600 }}>
              {title}
            </Typography>
            {badge ? <Chip label={badge} size="small" variant="outlined" color="primary" /> : null}
          </Stack>
          <Typography variant="body1" color="text.secondary" sx={{ mb: bullets ? 2.5 : 0 }}>
            {lead}
          </Typography>
          {bullets && bullets.length > 0 ? (
            <>
              {listTitle ? (
                <Typography variant="subtitle2" sx={{ mb: 0.5 }}>
                  {listTitle}
                </Typography>
              ) : null}
              <List dense disablePadding>
                {bullets.map((bullet) => (
                  <ListItem key={bullet} disableGutters sx={{ alignItems: 'flex-start', py: 0.5 }}>
                    <ListItemIcon sx={{ minWidth: 30, mt: 0.25, color: 'success.main' }}>
                      <CheckIcon fontSize="small" />
                    </ListItemIcon>
                    <ListItemText primary={bullet} />
                  </ListItem>
                ))}
              </List>
            </>
          ) : null}
          {children}
        </Box>
      </Stack>
    </Paper>
  );
}
