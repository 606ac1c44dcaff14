/** Page counting of PDFs without a PDF library (electron/core/attachments/pdf.ts). */
import { describe, expect, it } from 'vitest';
import { countPdfPages } from '../../../../../electron/core/attachments/pdf';
import { minimalPdf, objectStreamPdf } from '../../../../integration/attachments/files';

const pdf = (text: string) => Buffer.from(text, 'latin1');

describe('countPdfPages', () => {
  it.each([1, 2, 12])('counts %i page(s) from the page tree', (n) => {
    expect(countPdfPages(minimalPdf(n))).toEqual({ ok: true, pages: n });
  });

  it('reads the page tree from a compressed object stream (PDF 1.5)', () => {
    expect(countPdfPages(objectStreamPdf(9))).toEqual({ ok: true, pages: 9 });
  });

  it('follows an incremental update: the newest page tree wins', () => {
    const base = minimalPdf(2).toString('latin1');
    const update = '3 0 obj\n<< /Type /Page /Parent 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\ntrailer\n<< /Root 1 0 R /Prev 9 >>\n%%EOF\n';
    expect(countPdfPages(pdf(base + update))).toEqual({ ok: true, pages: 1 });
  });

  it('jumps over stream data by its /Length, even when the data looks like objects', () => {
    const data = '99 0 obj << /Type /Page >> endobj 98 0 obj << /Type /Page >> endobj';
    const text = `%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>\nendobj\n4 0 obj\n<< /Length ${data.length} >>\nstream\n${data}\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF`;
    expect(countPdfPages(pdf(text))).toEqual({ ok: true, pages: 1 });
    // Without a trailer the fallback counts page objects, and still skips the stream.
    expect(countPdfPages(pdf(text.replace('trailer\n<< /Root 1 0 R >>\n', '')))).toEqual({ ok: true, pages: 1 });
  });

  it('says a file without %%EOF at its end was cut short', () => {
    const whole = minimalPdf(3);
    expect(countPdfPages(whole.subarray(0, whole.length - 20))).toEqual({ ok: false, reason: 'truncated' });
  });

  it('says when nothing can be parsed, and when that is because of encryption', () => {
    expect(countPdfPages(pdf('%PDF-1.7\ngarbage\n%%EOF\n'))).toEqual({ ok: false, reason: 'unparsable' });
    expect(countPdfPages(pdf('%PDF-1.7\ntrailer\n<< /Root 1 0 R /Encrypt 5 0 R >>\n%%EOF\n'))).toEqual({ ok: false, reason: 'encrypted' });
  });

  it('does not take /Type /Pages for a page', () => {
    const text = '%PDF-1.4\n1 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n%%EOF\n';
    expect(countPdfPages(pdf(text))).toEqual({ ok: false, reason: 'unparsable' });
  });
});
