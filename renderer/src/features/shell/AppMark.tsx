import { Box } from '@mui/material';

/** The application's mark: a five-pointed star on the accent red. Drawn inline (no image files, no fonts). */
export function AppMark({ size = 32 }: { size?: number }) {
  return (
    <Box
      aria-hidden
      sx={{ width: size, height: size, borderRadius: 1.5, bgcolor: 'primary.main', display: 'grid', placeItems: 'center', flexShrink: 0 }}
    >
      <svg width={size * 0.62} height={size * 0.62} viewBox="0 0 24 24">
        <path fill="#f6d27a" d="M12 2.2l2.9 6.6 7.1.6-5.4 4.7 1.6 7-6.2-3.7-6.2 3.7 1.6-7L2 9.4l7.1-.6z" />
      </svg>
    </Box>
  );
}
