import type { Messages } from './messages';
import type { martyrsTransferZh } from './martyrs.transfer.zh';

/** Import, merge and export texts in English: the same keys as `martyrs.transfer.zh.ts`. */
export const martyrsTransferEn: Messages<typeof martyrsTransferZh> = {
  import: {
    title: 'Import from Excel',
    lead: 'Choose an Excel (.xlsx) or CSV file. The header is found and the columns matched; every row is checked first: if one row has a problem, nothing at all is written.',
    source: 'Source of these records',
    sourceHelp: 'Optional; e.g. “County ledger (Excel)”, to find this batch by its source later',
    doneLead: 'The imported records are drafts: check them, then submit them for review.',
    showSource: 'Show this batch in the roll',
    showRoll: 'Show the roll',
  },
  merge: {
    open: 'Merge',
    openHint: 'Records that may be the same person: compare and merge',
    title: 'Merge two records',
    lead: 'Choose which value to keep for each field. The left record is kept; the right one goes to the recycle bin. Both keep their source and history.',
    keep: 'Kept record #{{id}}',
    merged: 'Merged record #{{id}}',
    field: 'Field',
    same: 'same',
    provenance: 'Provenance',
    noSource: '(no source)',
    empty: '(empty)',
    reason: 'Reason for merging',
    reasonHelp: 'e.g. “Same person: the 1982 roll and last year’s Excel ledger”',
    reasonRequired: 'Give the reason for merging.',
    confirm: 'Confirm merge',
    swap: 'Swap sides',
    done: 'Merged: {{name}}',
    differing: '{{count}} field(s) differ',
    keysHint: 'Tab moves between fields, ← → choose the value to keep; with the reason filled in, Ctrl+Enter confirms',
    saveThenMerge: 'Save, then merge with it',
    mergeWith: 'Merge with it',
    notSame: 'Both sides are the same record: nothing to merge.',
    deletedOne: 'One of the records is in the recycle bin: it cannot be merged.',
    pick: 'Choose the record to merge',
  },
  export: {
    button: 'Export Excel',
    hint: 'Export every record of the current search, filters and order to an Excel file',
    title: 'Export the roll',
    done: '{{name}} is ready and downloading.',
    download: 'Download again',
    close: 'Close',
  },
};
