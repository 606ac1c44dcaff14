import { useState } from 'react';
import { IconButton, InputAdornment, TextField, type TextFieldProps } from '@mui/material';
import VisibilityIcon from '@mui/icons-material/VisibilityOutlined';
import VisibilityOffIcon from '@mui/icons-material/VisibilityOffOutlined';
import { FONT_STACK_EN } from '../../app/theme';

type Props = Omit<TextFieldProps, 'type'> & { testId: string; autoComplete: 'current-password' | 'new-password' };

/**
 * A password input with a show/hide toggle (left out of the tab order so Tab goes field to field).
 * Hidden, its dots come from a Latin font: the Chinese fonts draw them full-width, far apart.
 */
export function PasswordField({ testId, autoComplete, slotProps, ...props }: Props) {
  const [visible, setVisible] = useState(false);
  return (
    <TextField
      {...props}
      type={visible ? 'text' : 'password'}
      autoComplete={autoComplete}
      slotProps={{
        ...slotProps,
        htmlInput: { 'data-testid': testId, spellCheck: false, style: visible ? undefined : { fontFamily: FONT_STACK_EN } },
        input: {
          endAdornment: (
            <InputAdornment position="end">
              <IconButton size="small" tabIndex={-1} aria-hidden onClick={() => setVisible((v) => !v)} edge="end">
                {visible ? <VisibilityOffIcon fontSize="small" /> : <VisibilityIcon fontSize="small" />}
              </IconButton>
            </InputAdornment>
          ),
        },
      }}
    />
  );
}
