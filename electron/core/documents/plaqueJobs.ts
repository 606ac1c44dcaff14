/**
 * The jobs `documents.plaqueLedger` and `documents.issuanceSlip`: the plaque ledger (光荣牌悬挂登记表)
 * of a township or village with the ledger page's filter, read by the same query as the screen
 * (db/plaques ledgerPage, a page at a time), and a household's issuance slip (发放回执) from the
 * household as its panel loads it. Addresses are masked as on screen for the role that printed.
 *
 * As the letters job: read → check every text against the fonts (reported by record and field,
 * nothing written) → draw with progress and cancel → write and register with its audit row.
 */
import { CoreError } from '../errors';
import type { JobContext } from '../jobs/context';
import { getDivision } from '../db/divisions';
import { getDocument } from '../db/issuedDocuments';
import { ledgerPage } from '../db/plaques';
import { loadHousehold } from '../plaques/lifecycle';
import { divisionLevel, divisionPrefix } from '../../../shared/rules/divisionCode';
import { plaqueCategoryNames, plaqueStatusNames } from '../../../shared/rules/plaque';
import { personalInfoFor, roleSeesPersonalInfo } from '../../../shared/rules/privacy';
import type { PlaqueLedgerPrint, PrintJobResult } from '../../../shared/contract';
import { SettingsStore } from '../settings';
import { Layout } from './layout/page';
import { profileOffset } from './printerProfiles';
import { registerDocument } from './register';
import { checkFonts, fontsDirOf, namesOf, nothingToPrint, officeOf, serialFor, ticker, type AsRole } from './printing';
import { checkIssuanceSlip, checkPlaqueLedger, drawIssuanceSlip, drawPlaqueLedger, LEDGER_PAGE, SLIP_PAGE, type PlaqueLedgerLine } from './templates/plaqueLedger';

export type PlaqueLedgerJobInput = PlaqueLedgerPrint & AsRole;
export interface IssuanceSlipJobInput extends AsRole {
  householdId: number;
  /** 套打: a printer profile of the slip template (its offset and scale), and fields only. */
  profile?: string | null;
  fieldsOnly?: boolean;
  /** Set by documents.reprint: the register id of the slip reprinted. */
  reprintOf?: number | null;
}

const VIEW_NAMES = { all: '全部', hung: '已悬挂', cancelled: '已取消' } as const;
const PAGE = 500;

function ledgerLines(ctx: JobContext, input: PlaqueLedgerJobInput): PlaqueLedgerLine[] {
  const prefix = divisionPrefix(input.divisionCode);
  const lines: PlaqueLedgerLine[] = [];
  let after: { divisionCode: string; householdId: number } | null = null;
  for (;;) {
    const page = ledgerPage(ctx.db, { prefix, view: input.view, category: input.category, query: input.query, limit: PAGE, after });
    for (const r of page.rows) {
      const address = personalInfoFor({ idNumber: null, phone: '', addressText: r.addressText }, input.role, false).addressText;
      lines.push({
        householder: r.headName,
        qualifying: r.qualifyingPersonName ?? '',
        category: r.category ? plaqueCategoryNames[r.category].zh : '',
        plaqueNo: r.plaqueNumber ?? '',
        address: [r.divisionName, address].filter(Boolean).join(' '),
        hungDate: r.hungDate ?? '',
        position: r.hungPlace,
        status: r.status === null ? '未制牌' : r.status === 'hung' ? undefined : plaqueStatusNames[r.status].zh,
      });
    }
    const last = page.rows[page.rows.length - 1];
    if (page.rows.length < PAGE || !last) return lines;
    after = { divisionCode: last.divisionCode, householdId: last.householdId };
    ctx.throwIfCancelled();
  }
}

export async function printPlaqueLedgerJob(ctx: JobContext, input: PlaqueLedgerJobInput): Promise<PrintJobResult> {
  const fontsDir = fontsDirOf(ctx);
  const division = getDivision(ctx.db, input.divisionCode);
  if (!division || (divisionLevel(input.divisionCode) ?? 0) < 4) {
    throw new CoreError('VALIDATION', { zh: '请选择一个乡镇或村（社区）再打印登记表。', en: 'Choose a township or village to print its ledger.' });
  }
  ctx.progress(0, 0, 'reading');
  const lines = ledgerLines(ctx, input);
  if (lines.length === 0) throw nothingToPrint();
  const office = officeOf(ctx);
  const serial = serialFor(ctx, 'DJ');
  const data = { division: division.fullName, ...office, lines, serial };
  ctx.progress(0, lines.length, 'checking');
  checkFonts(fontsDir, (check) => checkPlaqueLedger(check, data));

  const title = `光荣牌悬挂登记表 ${division.name} ${serial}`;
  const layout = new Layout(fontsDir, { title, author: office.issuer, subject: division.fullName, size: LEDGER_PAGE });
  drawPlaqueLedger(layout, data, ticker(ctx, lines.length, 'drawing'));
  const pages = layout.pageCount;
  ctx.progress(lines.length, lines.length, 'saving');
  const bytes = await layout.toBuffer();
  ctx.throwIfCancelled();
  const documentId = registerDocument(ctx, bytes, {
    serial,
    kind: 'plaqueLedger',
    title: `光荣牌悬挂登记表（${division.name}，${VIEW_NAMES[input.view]}） ${serial}`,
    subject: { divisionCode: input.divisionCode, view: input.view, category: input.category ?? null, query: input.query, masked: !roleSeesPersonalInfo(input.role) },
    records: lines.length,
    names: namesOf(lines.map((l) => l.householder)),
    pages,
  });
  return { documentId, serial, pages, records: lines.length };
}

export async function printIssuanceSlipJob(ctx: JobContext, input: IssuanceSlipJobInput): Promise<PrintJobResult> {
  const fontsDir = fontsDirOf(ctx);
  ctx.progress(0, 1, 'reading');
  const h = loadHousehold(ctx.db, input.householdId, input.role);
  const plaque = h.plaque;
  if (!plaque || plaque.status === 'made') {
    throw new CoreError('VALIDATION', {
      zh: `${h.headName} 户没有已发放的光荣牌，不能打印发放回执（先登记发放）。`,
      en: `The household of ${h.headName} has no issued plaque; record the issue first.`,
    });
  }
  const replaced = plaque.replacesId === null ? null : h.events.find((e) => e.plaqueId === plaque.replacesId && (e.action === 'reissue' || e.action === 'replace'));
  const kind = replaced?.action === 'replace' ? '更换' : replaced ? '补发' : '新发';
  const office = officeOf(ctx);
  // An unknown profile is refused before anything is drawn or numbered.
  const offset = profileOffset(new SettingsStore(ctx.db).get(), 'slip', input.profile);
  const reprint = input.reprintOf ? (getDocument(ctx.db, input.reprintOf) ?? null) : null;
  const serial = serialFor(ctx, 'HZ');
  const division = getDivision(ctx.db, h.divisionCode);
  const data = {
    serial,
    householder: h.headName,
    address: [division?.fullName ?? h.divisionName, h.addressText].filter(Boolean).join(''),
    qualifying: plaque.qualifyingPersonName,
    category: plaqueCategoryNames[plaque.category].zh,
    plaqueNo: plaque.number,
    kind,
    issuedDate: plaque.issuedDate ?? office.date,
    issuer: office.issuer,
    dateStyle: office.dateStyle,
    reprintOf: reprint?.serial ?? null,
  };
  checkFonts(fontsDir, (check) => checkIssuanceSlip(check, data));
  ctx.progress(0, 1, 'drawing');
  const fieldsOnly = input.fieldsOnly ?? false;
  const layout = new Layout(fontsDir, { title: `光荣牌发放回执 ${serial}`, author: office.issuer, size: SLIP_PAGE, offset, fieldsOnly });
  drawIssuanceSlip(layout, data);
  const bytes = await layout.toBuffer();
  ctx.throwIfCancelled();
  ctx.progress(1, 1, 'saving');
  const documentId = registerDocument(ctx, bytes, {
    serial,
    kind: 'issuanceSlip',
    title: `光荣牌发放回执（${h.headName}，${plaque.number}） ${serial}`,
    subject: { householdId: h.id, plaqueId: plaque.id, kind, profile: input.profile ?? null, fieldsOnly },
    records: 1,
    names: h.headName,
    pages: layout.pageCount,
    reprintOf: reprint ? { id: reprint.id, serial: reprint.serial } : null,
  });
  return { documentId, serial, pages: layout.pageCount, records: 1 };
}
