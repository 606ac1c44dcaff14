/**
 * The bench's PDF figures (`npm run bench -- --pdf-only` runs them alone): 1,000 good-news letters
 * in one PDF through the app's template, timed and weighed, next to LibreOffice headless
 * converting the same 1,000 pages from a generated flat ODF text (.fodt) — what an office does
 * today with a Word mail merge. LibreOffice is installed here for the bench only when missing
 * (`apt-get install -y libreoffice-writer-nogui`); it is never part of `npm test`.
 *
 * Both sides set the letters in the same font: LibreOffice finds LXGW WenKai through a fontconfig
 * file that adds resources/fonts to the system's fonts, so neither substitutes a font.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Layout } from '../../electron/core/documents/layout/page';
import { DEFAULT_LETTER_WORDING, drawLetter, letterText, type GoodNewsLetterData, type OfficeLetterhead } from '../../electron/core/documents/templates/goodNewsLetter';
import { printDate } from '../../electron/core/documents/dates';
import { tempDir } from '../support/tempCore';
import { figure, type Figure } from './figures';

const FONTS_DIR = resolve(import.meta.dirname, '../../resources/fonts');
const LETTERS = 1000;

const OFFICE: OfficeLetterhead = { issuer: '惠民县退役军人事务局', place: '山东省惠民县', dateStyle: 'chinese', date: '2026-11-23' };
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = '建国光明志强秀兰海涛红军卫东振华晓峰春生德胜';
const CLASSES = ['三等功', '二等功', '嘉奖', '四有优秀士兵'];

/** 1,000 deterministic letters: varied names, units and citations, as a real batch. */
export function benchLetters(count = LETTERS): GoodNewsLetterData[] {
  return Array.from({ length: count }, (_, i) => {
    const surname = SURNAMES[i % SURNAMES.length]!;
    const given = GIVEN.slice((i * 2) % GIVEN.length, ((i * 2) % GIVEN.length) + 2);
    return {
      serial: `XB-2026-${String(i + 1).padStart(4, '0')}`,
      addressee: `${surname}${GIVEN[(i + 5) % GIVEN.length]}${GIVEN[(i + 9) % GIVEN.length]}同志`,
      soldierName: `${surname}${given}`,
      relation: i % 3 === 0 ? '女儿' : '儿子',
      soldierUnit: `中国人民解放军${31000 + (i % 97)}部队`,
      className: CLASSES[i % CLASSES.length]!,
      authority: `${31000 + (i % 97)}部队`,
      orderNo: `政〔2026〕${(i % 50) + 1}号`,
      awardDate: `2026-${String((i % 9) + 1).padStart(2, '0')}-15`,
      citation: i % 2 === 0 ? '在执行重大任务中表现突出' : '在年度军事训练考核中成绩优异，带领全班圆满完成各项任务',
    };
  });
}

/** The 1,000 letters as one PDF through the app's template. */
export async function lettersPdf(letters: GoodNewsLetterData[]): Promise<Buffer> {
  const layout = new Layout(FONTS_DIR, { title: '喜报', author: OFFICE.issuer });
  for (const letter of letters) drawLetter(layout, letter, OFFICE, DEFAULT_LETTER_WORDING);
  return layout.toBuffer();
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The same letters as a flat ODF text: one page each, the red framed page, the same font and sizes. */
export function lettersFodt(letters: GoodNewsLetterData[]): string {
  const body = letters
    .map((letter, i) => {
      const paragraphs = letterText(DEFAULT_LETTER_WORDING, letter, OFFICE.dateStyle).split('\n');
      return [
        `<text:p text:style-name="${i === 0 ? 'Serial' : 'SerialBreak'}">编号：${xml(letter.serial)}</text:p>`,
        '<text:p text:style-name="Title">喜　报</text:p>',
        ...paragraphs.map((p) => `<text:p text:style-name="Body">${xml(p)}</text:p>`),
        `<text:p text:style-name="Issuer">${xml(OFFICE.issuer)}</text:p>`,
        `<text:p text:style-name="Date">${xml(printDate(OFFICE.date, OFFICE.dateStyle))}</text:p>`,
      ].join('\n');
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="LXGW WenKai" svg:font-family="'LXGW WenKai'"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:text-properties style:font-name="LXGW WenKai" style:font-name-asian="LXGW WenKai" fo:font-size="17pt" style:font-size-asian="17pt" fo:language="zh" fo:country="CN" style:language-asian="zh" style:country-asian="CN"/></style:default-style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="210mm" fo:page-height="297mm" fo:margin-top="18mm" fo:margin-bottom="18mm" fo:margin-left="18mm" fo:margin-right="18mm" fo:border="1.2mm double #b71c1c" fo:padding="8mm"/></style:page-layout>
<style:style style:name="Serial" style:family="paragraph"><style:paragraph-properties fo:text-align="end"/><style:text-properties fo:font-size="10.5pt" style:font-size-asian="10.5pt"/></style:style>
<style:style style:name="SerialBreak" style:family="paragraph" style:parent-style-name="Serial"><style:paragraph-properties fo:break-before="page" fo:text-align="end"/><style:text-properties fo:font-size="10.5pt" style:font-size-asian="10.5pt"/></style:style>
<style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-top="10mm" fo:margin-bottom="14mm"/><style:text-properties fo:font-size="54pt" style:font-size-asian="54pt" fo:color="#b71c1c" fo:letter-spacing="10mm"/></style:style>
<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:line-height="190%"/></style:style>
<style:style style:name="Issuer" style:family="paragraph"><style:paragraph-properties fo:text-align="end" fo:margin-top="25mm" fo:margin-right="10mm"/></style:style>
<style:style style:name="Date" style:family="paragraph"><style:paragraph-properties fo:text-align="end" fo:margin-right="10mm"/></style:style>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4"/></office:master-styles>
<office:body><office:text>
${body}
</office:text></office:body>
</office:document>
`;
}

function soffice(): string | null {
  const found = spawnSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], { encoding: 'utf8' }).stdout.trim();
  return found || null;
}

/** LibreOffice, installed for the bench when missing; null when it cannot be. */
function ensureLibreOffice(log: (...a: unknown[]) => void): string | null {
  const have = soffice();
  if (have) return have;
  log('LibreOffice missing: apt-get install -y libreoffice-writer-nogui (bench only)…');
  const r = spawnSync('apt-get', ['install', '-y', 'libreoffice-writer-nogui'], { stdio: 'ignore' });
  if (r.status !== 0) log('  could not install it: the baseline is left out');
  return soffice();
}

const pdfPages = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);

/** LibreOffice's seconds (a warmed-up profile, the conversion as a fresh process) and size, or null. */
function libreOfficeBaseline(dir: string, letters: GoodNewsLetterData[], log: (...a: unknown[]) => void): { seconds: number; mb: number } | null {
  const bin = ensureLibreOffice(log);
  if (!bin) return null;
  const fontsConf = join(dir, 'fonts.conf');
  writeFileSync(fontsConf, `<?xml version="1.0"?>\n<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>${FONTS_DIR}</dir><cachedir>${join(dir, 'fc-cache')}</cachedir></fontconfig>\n`);
  const env = { ...process.env, FONTCONFIG_FILE: fontsConf };
  const profile = `-env:UserInstallation=file://${join(dir, 'lo-profile')}`;
  const convert = (file: string) => execFileSync(bin, [profile, '--headless', '--convert-to', 'pdf:writer_pdf_Export', '--outdir', join(dir, 'lo'), file], { env, stdio: 'ignore' });
  // A first start builds the profile: not part of what is timed.
  const warm = join(dir, 'warm.fodt');
  writeFileSync(warm, lettersFodt(letters.slice(0, 1)));
  convert(warm);
  const fodt = join(dir, 'letters.fodt');
  writeFileSync(fodt, lettersFodt(letters));
  const start = performance.now();
  convert(fodt);
  const seconds = (performance.now() - start) / 1000;
  const out = join(dir, 'lo', 'letters.pdf');
  const pages = pdfPages(out);
  if (pages !== letters.length) log(`  LibreOffice made ${pages} pages of ${letters.length}`);
  return { seconds, mb: statSync(out).size / 1e6 };
}

/** Runs the PDF part of the bench and returns its figures. */
export async function pdfFigures(log: (...a: unknown[]) => void): Promise<Figure[]> {
  const dir = tempDir('guangrong-bench-pdf-');
  try {
    mkdirSync(join(dir, 'lo'));
    const letters = benchLetters();
    // One warm-up letter: the fonts are opened once per process, as in the job worker.
    await lettersPdf(letters.slice(0, 1));
    const start = performance.now();
    const pdf = await lettersPdf(letters);
    const seconds = (performance.now() - start) / 1000;
    const file = join(dir, 'letters.pdf');
    writeFileSync(file, pdf);
    const pages = pdfPages(file);
    if (pages !== LETTERS) throw new Error(`the letters PDF has ${pages} pages, not ${LETTERS}`);
    const text = execFileSync('pdftotext', ['-f', String(LETTERS), '-l', String(LETTERS), file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    if (!text.includes(letters.at(-1)!.soldierName)) throw new Error('the last letter does not read back');
    const mb = readFileSync(file).length / 1e6;
    log(`pdfkit: ${LETTERS} letters in ${seconds.toFixed(2)} s, ${mb.toFixed(3)} MB`);
    const lo = libreOfficeBaseline(dir, letters, log);
    if (lo) log(`LibreOffice: ${lo.seconds.toFixed(2)} s, ${lo.mb.toFixed(3)} MB`);
    return [figure('pdf_1000_letters', seconds, 's', lo?.seconds ?? null, null), figure('pdf_1000_letters_size', mb, 'MB', lo?.mb ?? null, 1)];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
