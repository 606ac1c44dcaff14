import type { Messages } from './messages';
import type { martyrsScanZh } from './martyrs.scan.zh';

/** The scan beside the entry form in English: the same keys as `martyrs.scan.zh.ts`. */
export const martyrsScanEn: Messages<typeof martyrsScanZh> = {
  scan: {
    title: 'Source document',
    provenance: 'Provenance',
    noSource: 'No source chosen yet.',
    mergedFrom: 'Merged records came from:',
    page: 'page {{page}}',
    item: 'item {{item}}',
    noScan: 'No scan is attached to this record.',
    noScanLead: 'Use “Add scans” to choose the scanned files of the source (JPEG, PNG, TIFF or PDF, several at once): they go to the end of the chosen source and are shown here beside the form; “save and next” keeps the page.',
    choose: 'Add scans',
    chooseHint: 'Choose scanned files (JPEG, PNG, TIFF, PDF, up to 300 MB each, several at once); they go to the end of the chosen source in order',
    chooseHintNoSource: 'Choose scanned files (JPEG, PNG, TIFF, PDF, up to 300 MB each); choose the source first to add them to it as well',
    link: 'This page',
    notLinked: 'This record points at no scanned page yet: turn the page (Alt+PageDown) or press “This page”.',
    loading: 'Loading the page…',
    zoomIn: 'Zoom in (+)',
    zoomOut: 'Zoom out (-)',
    fit: 'Fit width (0)',
    rotate: 'Rotate (R)',
    prevPage: 'Previous page (PageUp; Alt+PageUp from the form)',
    nextPage: 'Next page (PageDown; Alt+PageDown from the form)',
    pageOf: '{{page}} / {{pages}}',
    draw: 'Draw a region (Alt+B): drag the mouse over the part of the page this record was keyed from',
    drawing: 'Drag the mouse over the part of the page this record comes from; Esc or Alt+B cancels',
    clearRegion: 'Clear the region (Alt+X)',
    region: 'Where this record is on the page',
    regionSaved: 'Region marked',
    pdfLoading: 'Opening the PDF…',
    pdfPassword: 'The PDF scan “{{name}}” cannot be shown: it is protected by a password. Remove the password in the program that made it, then add it again.',
    pdfDamaged: 'The PDF scan “{{name}}” cannot be shown: the file is damaged or incomplete (a copy or scan cut short?). Scan or export it again from the original, then add it again.',
    pdfPage: 'Page {{page}} of the PDF scan “{{name}}” cannot be shown: its data is damaged. The other pages can still be turned to.',
    pdfRead: 'Reading the PDF scan “{{name}}” failed:',
  },
};
