import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';

type PageKey = 'martyrs' | 'honors' | 'plaques' | 'people' | 'documents';

/** A record page that later issues fill: what it is for and what it will offer. */
export function ComingPage({ page, icon }: { page: PageKey; icon: ReactNode }) {
  const { t } = useTranslation();
  const bullets = t(`pages.${page}.bullets`, { returnObjects: true }) as readonly string[];
  return (
    <EmptyState
      testId={`page-${page}`}
      icon={icon}
      title={t(`pages.${page}.title`)}
      lead={t(`pages.${page}.lead`)}
      badge={t('pages.comingSoon')}
      listTitle={t('pages.whatComes')}
      bullets={bullets}
    />
  );
}
