/**
 * 导入 into the martyrs' roll: the shared import screen (components/import/) with the roll's
 * texts and the source the imported records are keyed from.
 */
import { useState } from 'react';
import type { Source } from '../../../../../shared/contract';
import { SpreadsheetImport } from '../../../components/import/SpreadsheetImport';
import { useMartyrsT } from '../i18n';
import { ImportSourceChooser } from './ImportSourceChooser';

export function ImportPage() {
  const mt = useMartyrsT();
  const [source, setSource] = useState<Source | null>(null);
  return (
    <SpreadsheetImport
      kind="martyrs"
      testId="martyr-import"
      title={mt('import.title')}
      lead={mt('import.lead')}
      doneLead={mt('import.doneLead')}
      show={source === null ? { href: '/martyrs', label: mt('import.showRoll') } : { href: `/martyrs?source=${source.id}`, label: mt('import.showSource') }}
      extra={{ controls: <ImportSourceChooser value={source} onChange={setSource} />, input: { sourceId: source?.id ?? null } }}
    />
  );
}
