/**
 * 套打 end to end: printer profiles in the settings (validated), the letters printed through a
 * profile (pdftotext -bbox: the text moved by the offset) and fields only (no title, no frame),
 * and the calibration page printed through a profile as a registered document.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { Job } from '../../../shared/contract';
import { classId, honorsCore, LI, type Honors, jobEnd } from '../honors/support';
import { pdfInfo } from './pdfCheck';

let h: Honors | null = null;
afterEach(async () => {
  await h?.dispose();
  h = null;
});

const until = jobEnd;

interface Word {
  text: string;
  x: number;
  y: number;
}
/** Words with their top-left corner in mm (pdftotext -bbox). */
function words(file: string): Word[] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  const mm = (pt: string) => (Number(pt) * 25.4) / 72;
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({ text: m[3]!, x: mm(m[1]!), y: mm(m[2]!) }));
}

async function setUp(): Promise<{ t: Honors; awardId: number }> {
  const t = await honorsCore();
  await t.ok('settings.update', { issuingAuthority: '惠民县退役军人事务局' }, t.admin);
  const award = await t.ok('awards.create', { recipient: { ...LI }, classId: await classId(t, '二等功'), authority: '东部战区', soldierUnit: '某旅某连', awardDate: '2026-10-08' }, t.clerk);
  await t.ok('letters.create', { awardId: award.id, receivedOn: '2026-11-23', familyAddress: '幸福村12号', familyPhone: '13812345678', familyName: '李大山', familyRelation: '父亲' }, t.clerk);
  return { t, awardId: award.id };
}

async function printed(t: Honors, input: Record<string, unknown>, method: 'documents.printLetters' | 'documents.printCalibration' = 'documents.printLetters'): Promise<{ job: Job; file: string }> {
  const { jobId } = await t.ok(method, input as never, t.clerk);
  const job = await until(t, jobId);
  const serial = (job.result as { serial?: string } | null)?.serial ?? '';
  return { job, file: join(t.dataDir, 'documents', `${serial}.pdf`) };
}

describe('套打: printer profiles', () => {
  it('validates the profiles: offsets within 30 mm, scale 0.9–1.1, admin only', async () => {
    h = await honorsCore();
    const ok = { letter: { 办公室激光: { x: 2.5, y: -1, scale: 1 } }, slip: {} };
    expect((await h.ok('settings.update', { printerProfiles: ok }, h.admin)).printerProfiles).toEqual(ok);
    for (const bad of [{ x: 31, y: 0, scale: 1 }, { x: 0, y: -30.5, scale: 1 }, { x: 0, y: 0, scale: 1.2 }, { x: 0, y: 0, scale: 0.85 }]) {
      expect(await h.core.call('settings.update', { printerProfiles: { letter: { p: bad }, slip: {} } }, h.admin)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(await h.core.call('settings.update', { printerProfiles: ok }, h.clerk)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  // Bug: a profile named __proto__ was dropped on save without a word (zod skips that record key).
  it('refuses a profile named __proto__ by its field, keeps constructor and toString as names', async () => {
    h = await honorsCore();
    const offset = { x: 1, y: 2, scale: 1 };
    const before = await h.ok('settings.get', {}, h.admin);
    for (const name of ['__proto__', ' __proto__ ']) {
      // As the renderer builds it (Object.fromEntries) and the web host parses it: an own key.
      const printerProfiles = { letter: Object.fromEntries([[name, offset], ['办公室激光', offset]]), slip: {} };
      expect(Object.keys(printerProfiles.letter)).toContain(name);
      const refused = await h.core.call('settings.update', { printerProfiles } as never, h.admin);
      expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: `printerProfiles.letter.${name}` }] } });
      if (!refused.ok) expect(refused.error.issues![0]!.message.zh).toContain('__proto__');
    }
    expect((await h.ok('settings.get', {}, h.admin)).printerProfiles).toEqual(before.printerProfiles);
    expect(await h.core.call('documents.printCalibration', { template: 'letter', profile: '__proto__' }, h.admin)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

    const ordinary = { letter: { constructor: offset, toString: offset }, slip: { hasOwnProperty: offset } };
    expect((await h.ok('settings.update', { printerProfiles: ordinary }, h.admin)).printerProfiles).toEqual(ordinary);
    expect((await h.ok('settings.get', {}, h.admin)).printerProfiles).toEqual(ordinary);
  });

  it('moves the letter by the profile’s offset, and prints fields only without the title and frame', async () => {
    const { t, awardId } = await setUp();
    h = t;
    await t.ok('settings.update', { printerProfiles: { letter: { 办公室激光: { x: 10, y: 5, scale: 1 } }, slip: {} } }, t.admin);
    const plain = await printed(t, { awardIds: [awardId] });
    const moved = await printed(t, { awardIds: [awardId], profile: '办公室激光' });
    expect(plain.job.status).toBe('done');
    expect(moved.job.status).toBe('done');
    const at = (file: string, text: string) => words(file).find((w) => w.text.includes(text))!;
    for (const text of ['喜', '李大山同志：']) {
      const a = at(plain.file, text);
      const b = at(moved.file, text);
      expect(b.x - a.x).toBeCloseTo(10, 0);
      expect(b.y - a.y).toBeCloseTo(5, 0);
    }

    const fields = await printed(t, { awardIds: [awardId], profile: '办公室激光', fieldsOnly: true });
    expect(fields.job.status).toBe('done');
    const text = execFileSync('pdftotext', [fields.file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('李大山同志');
    expect(text).toContain('惠民县退役军人事务局');
    expect(text).not.toContain('喜报');
    expect(execFileSync('pdftotext', [plain.file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')).toContain('喜报');
    // No frame: the fields-only page draws no strokes (no "re"/"l S" path operators) — its content is text only.
    const content = (file: string) => {
      const bytes = readFileSync(file);
      const out: string[] = [];
      for (let at = bytes.indexOf('stream\n'); at >= 0; at = bytes.indexOf('stream\n', at + 1)) {
        const end = bytes.indexOf('endstream', at);
        try {
          out.push(inflateSync(bytes.subarray(at + 7, end)).toString('latin1'));
        } catch {
          // not a deflated stream (or a font): skip
        }
      }
      return out.join('\n');
    };
    expect(content(fields.file)).not.toMatch(/\bre\s+S\b/);
    expect(content(plain.file)).toMatch(/\bre\s+S\b/);
    // The same text, where the fields-only letter prints it, as the moved full letter does.
    expect(at(fields.file, '李大山同志：')).toMatchObject({ x: expect.closeTo(at(moved.file, '李大山同志：').x, 1) });

    // A reprint goes through the same profile, fields only.
    const list = await t.ok('documents.list', { kind: 'letters', limit: 1 }, t.clerk);
    const again = await t.ok('documents.reprint', { id: list.rows[0]!.id }, t.clerk);
    const reprint = await until(t, again.jobId);
    const reprintFile = join(t.dataDir, 'documents', `${(reprint.result as { serial: string }).serial}.pdf`);
    expect(execFileSync('pdftotext', [reprintFile, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')).not.toContain('喜报');

    const unknown = await printed(t, { awardIds: [awardId], profile: '没有这台' });
    expect(unknown.job).toMatchObject({ status: 'failed', error: { code: 'VALIDATION' } });
    expect(unknown.job.error?.message.zh).toContain('没有这台');
  });

  it('prints the calibration page through a profile, registered', async () => {
    h = await honorsCore();
    await h.ok('settings.update', { printerProfiles: { letter: {}, slip: { 针式打印机: { x: -3, y: 4, scale: 1 } } } }, h.admin);
    const plain = await printed(h, { template: 'slip', profile: null }, 'documents.printCalibration');
    const moved = await printed(h, { template: 'slip', profile: '针式打印机' }, 'documents.printCalibration');
    expect(moved.job).toMatchObject({ status: 'done', result: { serial: 'JZ2026-000002', pages: 1 } });
    const label = (file: string) => words(file).find((w) => w.text === '套打校准页')!;
    expect(label(moved.file).x - label(plain.file).x).toBeCloseTo(-3, 0);
    expect(label(moved.file).y - label(plain.file).y).toBeCloseTo(4, 0);
    // On the slip's own paper (A5 landscape), so it can be laid over a pre-printed slip; the letter's on A4.
    expect(pdfInfo(moved.file).size).toMatch(/^595\.\d* x 42\d\.\d* pts/);
    const letterPage = await printed(h, { template: 'letter', profile: null }, 'documents.printCalibration');
    expect(pdfInfo(letterPage.file).size).toMatch(/\(A4\)/);
    const text = execFileSync('pdftotext', [moved.file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('光荣牌发放回执·针式打印机');
    expect(text).toContain('向右-3mm，向下4mm');
    const list = await h.ok('documents.list', { kind: 'calibration' }, h.clerk);
    expect(list.rows[0]).toMatchObject({ kind: 'calibration', serial: 'JZ2026-000003', pages: 1 });
  });
});

describe('the letter’s issuing place', () => {
  it('fills {place} in the office’s wording with the issuing place from the settings', async () => {
    const { t, awardId } = await setUp();
    h = t;
    const cls = await classId(t, '二等功');
    await t.ok('settings.update', { issuingPlace: '山东省惠民县', letterWordings: { [cls]: '{addressee}：\n　　{place}人民向{name}同志的家人报喜，{name}同志荣立{class}。' } }, t.admin);
    const { job, file } = await printed(t, { awardIds: [awardId] });
    expect(job.status).toBe('done');
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')).toContain('山东省惠民县人民向李明同志的家人报喜');
  });
});
