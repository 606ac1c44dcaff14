import type { documentsZh } from './documents.zh';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** English texts of the documents screens. */
export const documentsEn: Shape<typeof documentsZh> = {
  register: {
    title: 'Issued documents',
    lead: 'Every document made on this computer is registered here: its serial is printed on it, a reprint names the original.',
    count: '{{count}} in all',
    empty: 'No document has been made yet. Choose “Print letters” in the award register or on a letter.',
    columns: { serial: 'Serial', title: 'Document', names: 'For', pages: 'Pages', createdAt: 'Made', createdBy: 'By' },
    reprintOf: 'Reprint of {{serial}}',
  },
  preview: {
    back: 'Back to the register',
    page: 'Page {{page}} of {{pages}}',
    previous: 'Previous page',
    next: 'Next page',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    save: 'Save PDF',
    reprint: 'Reprint',
    loading: 'Opening the document…',
    failed: 'The document cannot be shown: {{reason}}',
  },
  print: {
    button: 'Print letters',
    buttonCount: 'Print letters ({{count}})',
    hint: 'Make one PDF of the good-news letters of the chosen awards, registered, then preview it',
    title: 'Print good-news letters',
    close: 'Close',
    open: 'Preview',
    none: 'First tick awards that have a registered letter.',
  },
  settings: {
    title: 'Documents',
    issuingAuthority: 'Issuing authority (signature)',
    issuingAuthorityHelp: 'Printed at the foot of letters; empty: the office name',
    issuingPlace: 'Its place',
    issuingPlaceHelp: 'e.g. 山东省惠民县',
    dateStyle: 'Dates on documents',
    dateStyles: { arabic: 'Arabic numerals (2026年11月23日)', chinese: 'Chinese numerals (二〇二六年十一月二十三日)' },
    wording: 'Letter wording: {{className}}',
    wordingHelp: 'Placeholders: {{placeholders}}; empty: the default wording',
  },
};
