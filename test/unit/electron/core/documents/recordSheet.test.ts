import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { CoverageCheck } from '../../../../../electron/core/documents/fonts';
import { Layout } from '../../../../../electron/core/documents/layout/page';
import { checkRecordSheet, drawRecordSheet, type RecordSheetData } from '../../../../../electron/core/documents/templates/recordSheet';
import { FONTS_DIR, fonts, info, pagesText, rawText } from './pdfTools';

const record: RecordSheetData = {
  serial: 'LS-000042',
  name: '王二小',
  unnamed: false,
  gender: '男',
  ethnicity: '汉族',
  birth: '1929年',
  nativePlace: '河北省涞源县上庄村（今河北省保定市涞源县）',
  joined: '1941年',
  party: '',
  period: '抗日战争时期',
  certificateNo: 'ZS-1942-0001',
  unitAndPost: '晋察冀边区儿童团团员',
  merits: '追记一等功',
  death: '1942年10月25日',
  deathPlace: '河北省涞源县狼牙口',
  deathCause: '将日军引入八路军埋伏圈，被敌人杀害',
  burialPlace: '涞源县烈士陵园',
  cemetery: '涞源县烈士陵园',
  approvedBy: '晋察冀边区政府',
  approvedDate: '1942年',
  nextOfKin: '王大山（父母）',
  deeds: '王二小，河北省涞源县人，儿童团团员。1942年秋，日军扫荡时，他在山坡放牛，被敌人抓住要他带路。他把敌人引进了八路军的埋伏圈，自己被敌人杀害，年仅十三岁。',
  remarks: '据《涞源县志》补录',
  source: '涞源县烈士英名录（1985年版），第12页，第3条',
  status: '已审核',
  scan: null,
};

async function sheetPdf(data: RecordSheetData): Promise<Buffer> {
  const layout = new Layout(FONTS_DIR, { title: '烈士登记表', author: '测试' });
  drawRecordSheet(layout, data);
  return layout.toBuffer();
}

const squash = (s: string) => s.replace(/\s+/g, '');

function imagesIn(pdf: Buffer): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'guangrong-img-'));
  try {
    writeFileSync(join(dir, 'a.pdf'), pdf);
    return execFileSync('pdfimages', ['-list', join(dir, 'a.pdf')], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim() !== '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('烈士登记表', () => {
  it('prints every field with its label on one framed page', async () => {
    const pdf = await sheetPdf(record);
    expect(info(pdf).pages).toBe(1);
    // In reading order: a value that wraps in its cell reads whole (the one label that wraps is checked by its first line).
    const text = squash(rawText(pdf));
    const labels = ['烈士登记表', '姓名', '性别', '民族', '出生时间', '历史时期', '参加革命时间', '入党（团）时间', '烈士证明书编号', '审核状态', '籍贯', '生前所在单位及', '牺牲时间', '牺牲地点', '牺牲原因', '安葬地', '烈士陵园', '批准机关', '批准时间', '立功情况', '亲属', '事迹', '备注', '来源', '（无扫描件）'];
    for (const l of labels) expect(text).toContain(l);
    for (const [key, v] of Object.entries(record)) {
      if (typeof v !== 'string' || v === '' || key === 'deeds') continue;
      expect(text, key).toContain(squash(v));
    }
    expect(text).toContain('年仅十三岁');
    for (const f of fonts(pdf)) expect(f.embedded && f.subset).toBe(true);
  });

  it('shows the scan as a thumbnail', async () => {
    const png = await sharp({ create: { width: 300, height: 420, channels: 3, background: '#c8b89a' } }).png().toBuffer();
    const jpeg = await sharp({ create: { width: 300, height: 420, channels: 3, background: '#c8b89a' } }).jpeg().toBuffer();
    for (const scan of [png, jpeg]) {
      const pdf = await sheetPdf({ ...record, scan });
      const list = imagesIn(pdf);
      expect(list).toHaveLength(1);
      expect(list[0]).toMatch(/\s300\s+420\s/);
      expect(squash(pagesText(pdf)[0]!)).not.toContain('无扫描件');
    }
  });

  it('continues long deeds on a page of the same record, none of them lost', async () => {
    const deeds = Array.from({ length: 40 }, (_, i) => `第${i + 1}段：该同志英勇作战，多次负伤不下火线，受到部队首长的通报表扬，群众称他为“钢铁战士”。`).join('\n');
    const pdf = await sheetPdf({ ...record, deeds });
    const pages = pagesText(pdf).map(squash);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[1]).toContain('烈士登记表（续）王二小编号：LS-000042');
    const found = pages.flatMap((p) => [...p.matchAll(/第(\d+)段/g)].map((m) => Number(m[1])));
    expect(found).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(pages[0]).toContain('据《涞源县志》补录');
  });

  it('marks an unnamed martyr and reports uncovered characters by field', () => {
    const check = new CoverageCheck(FONTS_DIR);
    checkRecordSheet(check, { ...record, deathPlace: '狼牙\u{2A6A5}口' });
    expect(check.problems).toEqual([{ record: '王二小（LS-000042）', field: '牺牲地点 deathPlace', characters: ['\u{2A6A5}'] }]);
  });

  it('says 无名烈士 on the sheet of an unnamed martyr', async () => {
    const pdf = await sheetPdf({ ...record, name: '某部战士', unnamed: true });
    expect(squash(pagesText(pdf)[0]!)).toContain('某部战士（无名烈士）');
  });
});
