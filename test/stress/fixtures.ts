/**
 * What every stress round starts from, made once per run: a template data folder (migrated, the
 * national divisions loaded, the administrator and one source created, closed cleanly) that each
 * round copies — a second one encrypted from its first start when the run has encrypted rounds —,
 * and the files the rounds bring in (a martyrs' spreadsheet, a few scans).
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { makeTestCore, ADMIN } from '../support/tempCore';
import { makeJpeg } from '../integration/attachments/files';
import { dataKeyFromRecoverySecret, newRecoveryKey, type DataKey } from '../../electron/core/crypto/dataKey';

/** Rows in the round's import: small, so a round takes seconds, big enough to take a while to commit. */
export const IMPORT_ROWS = 300;
export const IMPORT_FILE = 'martyrs.xlsx';
/** attachments.store stores the first; attachments.storeMany (a job) the others. */
export const SCAN_FILES = ['scan-0.jpg', 'scan-1.jpg', 'scan-2.jpg', 'scan-3.jpg'];
export const SOURCE_TITLE = '压力测试英名录';

const SURNAMES = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜';
const GIVEN = '德胜秀英福山林国华明海春生永清玉兰建军';

/** Distinct, valid names: a surname and two given-name characters. */
export function importName(i: number): string {
  const a = GIVEN[i % GIVEN.length]!;
  const b = GIVEN[Math.floor(i / GIVEN.length) % GIVEN.length]!;
  return `${SURNAMES[Math.floor(i / (GIVEN.length * GIVEN.length)) % SURNAMES.length]!}${a}${b}`;
}

export async function martyrsWorkbook(rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('烈士名录');
  ws.addRow(['序号', '姓名', '性别', '出生年月', '籍贯', '生前所在单位及职务', '牺牲时间']);
  for (let i = 0; i < rows; i++) ws.addRow([i + 1, importName(i), i % 3 === 0 ? '女' : '男', `${1900 + (i % 40)}年`, '山东省惠民县', '华东野战军第九纵队 战士', `${1945 + (i % 5)}年`]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface Prepared {
  /** The data folder each round copies. */
  template: string;
  /** The same, encrypted from its first start with `key` (when the run has encrypted rounds). */
  encrypted: { template: string; key: DataKey } | null;
  /** The files a round uploads. */
  files: string;
}

async function makeTemplate(template: string, dataKey: DataKey | null): Promise<void> {
  const t = makeTestCore({ dataDir: template, dataKey });
  const admin = t.core.openSession();
  await t.ok('setup.createAdmin', ADMIN, admin);
  await t.ok('sources.create', { kind: 'register', title: SOURCE_TITLE }, admin);
  await t.ok('settings.update', { issuingAuthority: '惠民县退役军人事务局' }, admin);
  await t.dispose();
}

/** Builds the template data folder(s) and the files under `root`. */
export async function prepare(root: string, options: { encrypted?: boolean; plain?: boolean } = {}): Promise<Prepared> {
  const template = join(root, 'template');
  const files = join(root, 'files');
  mkdirSync(files, { recursive: true });
  writeFileSync(join(files, IMPORT_FILE), await martyrsWorkbook(IMPORT_ROWS));
  const colours = ['#a04030', '#30a040', '#4030a0', '#a0a030'];
  for (const [i, name] of SCAN_FILES.entries()) writeFileSync(join(files, name), await makeJpeg(400 + i * 10, 300, colours[i]));
  if (options.plain !== false) await makeTemplate(template, null);
  let encrypted: Prepared['encrypted'] = null;
  if (options.encrypted) {
    const recovery = newRecoveryKey();
    encrypted = { template: join(root, 'template-encrypted'), key: dataKeyFromRecoverySecret(recovery.secret) };
    await makeTemplate(encrypted.template, encrypted.key);
  }
  return { template, encrypted, files };
}

/** A fresh copy of the template for one round (the encrypted one for an encrypted round). */
export function copyTemplate(prepared: Prepared, dataDir: string, encrypted = false): void {
  const from = encrypted ? prepared.encrypted?.template : prepared.template;
  if (!from) throw new Error(`no ${encrypted ? 'encrypted' : 'plain'} template prepared`);
  cpSync(from, dataDir, { recursive: true });
}

/** The backup step's folder, inside the round's data folder (a USB stick's stand-in). */
export const STRESS_BACKUPS = 'stick';
