/**
 * The scan beside the entry form (issue "The martyrs' roll"): an archivist adds a two-page PDF scan
 * of a register to a source, turns to page 2, presses Alt+B and draws with the mouse the part of
 * the page the record was keyed from, and saves; opening the record again shows page 2 with that
 * region outlined and in view. A password-protected PDF says so instead of showing a blank panel.
 * The PDFs are made here: JPEG page images (sharp) wrapped in a PDF, as a scanner writes them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { createAdministrator, launchApp, launchKind, type LaunchedApp } from './launch';

const ADMIN = { username: 'admin', displayName: '王建国', password: 'Guangrong#2026' };

let app: LaunchedApp;
let page: Page;
/** What the browser said about the policy or pdf.js's worker: must stay empty. */
const policyProblems: string[] = [];
const scratch = mkdtempSync(join(tmpdir(), 'guangrong-scans-'));

const goto = (hash: string) => page.evaluate((h) => (window.location.hash = h), hash);
const hash = () => page.evaluate(() => window.location.hash);
const focusedTestId = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

/** One scanned register page (JPEG, 1240 × 1754: A4 at 150 dpi). */
async function registerPage(n: number): Promise<Buffer> {
  const rows = Array.from({ length: 14 }, (_, i) => {
    const y = 330 + i * 95;
    return `<rect x="90" y="${y - 62}" width="1060" height="92" fill="none" stroke="#8a7f6a" stroke-width="2"/><text x="120" y="${y}" font-size="40" fill="#3b342a">${(n - 1) * 14 + i + 1}.  ZHANG DESHENG  1920 - 1947  HUIMIN</text>`;
  }).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1240" height="1754"><rect width="100%" height="100%" fill="#f1e9d2"/><text x="90" y="170" font-size="64" fill="#2b2620">County register, page ${n}</text>${rows}</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer();
}

/** A PDF of JPEG pages, A4, each image filling its page (what a scanner writes). */
function pdfOfImages(images: { jpeg: Buffer; width: number; height: number }[], trailerExtra = '', extraObjects: string[] = []): Buffer {
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let length = 0;
  const push = (b: Buffer) => {
    parts.push(b);
    length += b.length;
  };
  const object = (num: number, body: Buffer | string, stream?: Buffer) => {
    offsets[num] = length;
    push(Buffer.from(`${num} 0 obj\n`, 'latin1'));
    push(typeof body === 'string' ? Buffer.from(body, 'latin1') : body);
    if (stream) {
      push(Buffer.from('\nstream\n', 'latin1'));
      push(stream);
      push(Buffer.from('\nendstream', 'latin1'));
    }
    push(Buffer.from('\nendobj\n', 'latin1'));
  };
  push(Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1'));
  const kids = images.map((_, i) => `${3 + i * 3} 0 R`).join(' ');
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  object(2, `<< /Type /Pages /Kids [${kids}] /Count ${images.length} >>`);
  images.forEach((img, i) => {
    const n = 3 + i * 3;
    const content = Buffer.from('q 595 0 0 842 0 0 cm /Im0 Do Q', 'latin1');
    object(n, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 ${n + 2} 0 R >> >> /Contents ${n + 1} 0 R >>`);
    object(n + 1, `<< /Length ${content.length} >>`, content);
    object(n + 2, `<< /Type /XObject /Subtype /Image /Width ${img.width} /Height ${img.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${img.jpeg.length} >>`, img.jpeg);
  });
  let next = 3 + images.length * 3;
  for (const extra of extraObjects) object(next++, extra);
  const xref = length;
  const rows = Array.from({ length: next - 1 }, (_, i) => `${String(offsets[i + 1]).padStart(10, '0')} 00000 n \n`).join('');
  push(Buffer.from(`xref\n0 ${next}\n0000000000 65535 f \n${rows}trailer\n<< /Size ${next} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${xref}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

async function twoPageRegister(): Promise<string> {
  const images = await Promise.all([1, 2].map(async (n) => ({ jpeg: await registerPage(n), width: 1240, height: 1754 })));
  const file = join(scratch, '县烈士登记册-第3册.pdf');
  writeFileSync(file, pdfOfImages(images));
  return file;
}

/** A PDF locked with an opening password (standard security handler, RC4 40-bit; the empty password fails). */
async function lockedPdf(): Promise<string> {
  const image = { jpeg: await registerPage(9), width: 1240, height: 1754 };
  const hex = (seed: number) => Array.from({ length: 32 }, (_, i) => ((i * 37 + seed) % 256).toString(16).padStart(2, '0')).join('');
  const encrypt = `<< /Filter /Standard /V 1 /R 2 /O <${hex(11)}> /U <${hex(91)}> /P -44 >>`;
  const file = join(scratch, 'locked.pdf');
  writeFileSync(file, pdfOfImages([image], `/Encrypt 6 0 R /ID [<${hex(5).slice(0, 32)}> <${hex(5).slice(0, 32)}>] `, [encrypt]));
  return file;
}

/** The page on screen is `n` and fully loaded. */
async function onPage(n: number) {
  await page.locator(`[data-testid="scan-viewer"][data-page="${n}"] [data-testid="scan-image"][data-stale="false"]`).waitFor();
}

describe.skipIf(!launchKind())('the scan beside the entry form', () => {
  beforeAll(async () => {
    app = await launchApp();
    page = app.page;
    page.on('console', (message) => {
      const text = message.text();
      if (/Content.Security.Policy|Refused to|fake worker|Failed to load module script/i.test(text)) policyProblems.push(text);
    });
    await createAdministrator(page, ADMIN);
  });
  afterAll(async () => {
    await app?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  let recordHash = '';
  // Around entry 18, the fourth line of page 2 (rows are 92 px high from y = 553 of 1754).
  const drawnRegion = { x: 0.06, y: 0.305, w: 0.88, h: 0.07 };

  it('adds a two-page PDF scan to a source, turns to page 2 and draws the record’s region with the mouse', async () => {
    await goto('#/martyrs/new');
    await page.getByTestId('martyr-form').waitFor();
    // The source, registered right in the form.
    await page.getByTestId('field-sourceId').click();
    await page.keyboard.type('县烈士登记册（第三册）');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByTestId('source-create-inline').waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('scan-provenance').textContent()).toMatch(/县烈士登记册（第三册）/);

    // The PDF goes to the end of the source and shows beside the form, page 1 of 2.
    await page.getByTestId('scan-file').setInputFiles(await twoPageRegister());
    await onPage(1);
    expect(await page.getByTestId('scan-page').textContent()).toBe('1 / 2');
    // Drawn by pdf.js in its own worker, loaded from the app itself.
    expect(page.workers().map((w) => w.url())).toEqual([expect.stringMatching(/^(http:\/\/127\.0\.0\.1:\d+|file:\/\/\/.*)\/assets\/pdf\.worker[^/]*\.mjs$/)]);
    await page.getByTestId('scan-next').click();
    await onPage(2);
    expect(await page.getByTestId('scan-page').textContent()).toBe('2 / 2');
    expect(await page.getByTestId('scan-next').isDisabled()).toBe(true);

    await page.getByTestId('field-name').click();
    await page.keyboard.type('张德胜');
    // Alt+B from the form: drawing mode. Esc leaves drawing mode (not the page).
    await page.keyboard.press('Alt+b');
    await page.locator('[data-testid="scan-viewer"][data-drawing="true"]').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="scan-viewer"][data-drawing="false"]').waitFor();
    expect(await hash()).toBe('#/martyrs/new');
    // Again: the drag draws, and the cursor stays in the form.
    await page.keyboard.press('Alt+b');
    await page.locator('[data-testid="scan-viewer"][data-drawing="true"]').waitFor();
    await page.getByTestId('scan-drawing-hint').waitFor();
    const box = (await page.getByTestId('scan-page-box').boundingBox())!;
    const at = (fx: number, fy: number) => [box.x + box.width * fx, box.y + box.height * fy] as const;
    await page.mouse.move(...at(drawnRegion.x, drawnRegion.y));
    await page.mouse.down();
    await page.mouse.move(...at(0.5, 0.35), { steps: 4 });
    await page.getByTestId('scan-region-drawing').waitFor();
    await page.mouse.move(...at(drawnRegion.x + drawnRegion.w, drawnRegion.y + drawnRegion.h), { steps: 4 });
    await page.mouse.up();
    await page.getByTestId('scan-region').waitFor();
    expect(await page.getByTestId('scan-viewer').getAttribute('data-drawing')).toBe('false');
    expect(await focusedTestId()).toBe('field-name');
    const [x, y, w, h] = (await page.getByTestId('scan-region').getAttribute('data-region'))!.split(',').map(Number);
    expect(x).toBeCloseTo(drawnRegion.x, 2);
    expect(y).toBeCloseTo(drawnRegion.y, 2);
    expect(w).toBeCloseTo(drawnRegion.w, 2);
    expect(h).toBeCloseTo(drawnRegion.h, 2);

    await page.keyboard.press('Control+s');
    await expect.poll(hash).toMatch(/^#\/martyrs\/\d+$/);
    recordHash = await hash();
    await expect.poll(() => page.getByTestId('martyr-notice').textContent()).toMatch(/已保存：张德胜/);
  });

  it('opening the record again shows page 2 of the PDF with the region outlined and in view', async () => {
    await goto('#/martyrs');
    await page.getByTestId('martyr-search').waitFor();
    await goto(recordHash);
    await onPage(2);
    expect(await page.getByTestId('scan-page').textContent()).toBe('2 / 2');
    const region = page.getByTestId('scan-region');
    await region.waitFor();
    const [x, y, w, h] = (await region.getAttribute('data-region'))!.split(',').map(Number);
    expect(x).toBeCloseTo(drawnRegion.x, 2);
    expect(y).toBeCloseTo(drawnRegion.y, 2);
    expect(w).toBeCloseTo(drawnRegion.w, 2);
    expect(h).toBeCloseTo(drawnRegion.h, 2);
    // In view: the scroll position brought the outlined region inside the viewer.
    await expect
      .poll(async () => {
        const r = (await region.boundingBox())!;
        const v = (await page.getByTestId('scan-scroll').boundingBox())!;
        return r.y >= v.y && r.y + r.height <= v.y + v.height && r.x >= v.x - 1 && r.x + r.width <= v.x + v.width + 1;
      })
      .toBe(true);
    await page.waitForTimeout(2000); // the flash has faded: the picture shows the resting outline
    await app.screenshot('martyrs-scans-01-region');

    // Rotating the page keeps the region on the same words.
    await page.getByTestId('scan-rotate').click();
    const turned = (await region.boundingBox())!;
    expect(turned.height).toBeGreaterThan(turned.width);
    await page.getByTestId('scan-rotate').click();
    await page.getByTestId('scan-rotate').click();
    await page.getByTestId('scan-rotate').click();

    // Alt+X clears the region (the record becomes unsaved); Esc-free: nothing else changed.
    await page.getByTestId('field-name').click();
    await page.keyboard.press('Alt+x');
    await expect.poll(() => region.count()).toBe(0);
    expect(await page.getByTestId('martyr-dirty').getAttribute('data-dirty')).toBe('true');
  });

  it('a PDF locked with a password says so, in words, instead of showing a blank panel', async () => {
    await goto('#/martyrs');
    await page.getByTestId('martyr-search').waitFor();
    await goto('#/martyrs/new');
    await page.getByTestId('martyr-form').waitFor();
    await page.getByTestId('scan-file').setInputFiles(await lockedPdf());
    const problem = page.getByTestId('scan-problem');
    await problem.waitFor();
    expect(await problem.getAttribute('data-problem')).toBe('password');
    expect(await problem.textContent()).toMatch(/locked\.pdf.*密码/);
    await app.screenshot('martyrs-scans-02-locked-pdf');
    expect(app.foreignRequests).toEqual([]);
    // pdf.js ran in its own worker under the app's CSP: no violation, no main-thread fallback.
    expect(policyProblems).toEqual([]);
  });
});
