import { Button, Tooltip } from '@mui/material';
import TranslateIcon from '@mui/icons-material/Translate';
import { useTranslation } from 'react-i18next';
import { setLang, useLang } from '../../i18n';

/** Switches between Simplified Chinese and English; the choice is remembered on this computer. */
export function LanguageSwitch({ color = 'inherit' }: { color?: 'inherit' | 'primary' }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  return (
    <Tooltip title={t('lang.switchHint')}>
      <Button
        data-testid="lang-switch"
        color={color}
        size="small"
        startIcon={<TranslateIcon fontSize="small" />}
        onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
        lang={lang === 'zh' ? 'en' : 'zh-CN'}
      >
        {t('lang.switchTo')}
      </Button>
    </Tooltip>
  );
}
