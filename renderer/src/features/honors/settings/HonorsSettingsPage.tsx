import { Box, Typography } from '@mui/material';
import { useUser } from '../../auth/SessionProvider';
import { useHonorsT } from '../i18n';
import { ClassSettings } from './ClassSettings';
import { HolidayCalendar } from './HolidayCalendar';

/** Award classes (deadline days, who delivers) and the office calendar; administrators change them, others read. */
export function HonorsSettingsPage() {
  const ht = useHonorsT();
  const admin = useUser().role === 'admin';
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 3, maxWidth: 1100 }}>
      {admin ? null : (
        <Typography variant="body2" color="text.secondary">
          {ht('settings.adminOnly')}
        </Typography>
      )}
      <ClassSettings admin={admin} />
      <HolidayCalendar admin={admin} />
    </Box>
  );
}
