/** A page's records not there yet: the load failed (the error, and back to the roll), or a spinner while they load. */
import { Box, Button, CircularProgress, Stack } from '@mui/material';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import type { ApiError } from '../../../../shared/contract';
import { navigate } from '../../app/router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useMartyrsT } from './i18n';

export function LoadState({ error }: { error: ApiError | null }) {
  const mt = useMartyrsT();
  if (error) {
    return (
      <Stack spacing={2} sx={{ maxWidth: 640 }}>
        <ApiErrorAlert error={error} />
        <Box>
          <Button startIcon={<ArrowBackIcon />} onClick={() => navigate('/martyrs')}>
            {mt('form.back')}
          </Button>
        </Box>
      </Stack>
    );
  }
  return (
    <Box sx={{ display: 'grid', placeItems: 'center', flex: 1 }}>
      <CircularProgress size={28} />
    </Box>
  );
}
