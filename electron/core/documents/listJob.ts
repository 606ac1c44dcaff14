/**
 * The job `documents.list` ("any list"): the current filtered list of a page as a table with the
 * columns the user chose, the filter said in words under the title, "内部资料" and the serial at
 * every page's foot. Rows come from the same query as the screen (the plaque ledger: db/plaques
 * ledgerPage, a page at a time); personal information of the living (addresses) is masked unless
 * the role that printed may see it (shared/rules/privacy), as on screen.
 *
 * As the letters job: read → check every cell against the fonts → draw with progress and cancel →
 * write and register with its audit row.
 */
import type { JobContext } from '../jobs/context';
import { getDivision } from '../db/divisions';
import { ledgerPage } from '../db/plaques';
import { divisionPrefix } from '../../../shared/rules/divisionCode';
import { plaqueCategoryNames, plaqueStatusNames } from '../../../shared/rules/plaque';
import { personalInfoFor, roleSeesPersonalInfo } from '../../../shared/rules/privacy';
import type { ListPrint, PrintJobResult } from '../../../shared/contract';
import type { LedgerRow } from '../../../shared/contract/plaques';
import { printDate } from './dates';
import { Layout } from './layout/page';
import { registerDocument } from './register';
import { checkFonts, fontsDirOf, namesOf, nothingToPrint, officeOf, serialFor, ticker, type AsRole, type Office } from './printing';
import { anyListPageSize, checkAnyList, drawAnyList, type AnyListData, type ListColumn } from './templates/anyList';

export type ListJobInput = ListPrint & AsRole;

type PlaqueColumn = ListPrint['columns'][number];
const VIEW_WORDS = { all: '全部', hung: '已悬挂', in_use_not_hung: '在用未悬挂', cancelled: '已取消', made: '待发放', issued: '待悬挂', taken_back: '已收回', none: '未制牌' } as const;

const plaqueColumns: Record<PlaqueColumn, ListColumn & { cell: (r: LedgerRow, office: Office, role: AsRole['role']) => string }> = {
  headName: { title: '户主', weight: 0.8, cell: (r) => r.headName },
  division: { title: '村（社区）', weight: 1, cell: (r) => r.divisionName },
  address: { title: '门牌地址', weight: 1.6, cell: (r, _o, role) => personalInfoFor({ idNumber: null, phone: '', addressText: r.addressText }, role, false).addressText },
  plaqueNumber: { title: '光荣牌编号', weight: 1.3, cell: (r) => r.plaqueNumber ?? '' },
  category: { title: '类别', weight: 1.1, cell: (r) => (r.category ? plaqueCategoryNames[r.category].zh : '') },
  qualifying: { title: '享受人员', weight: 0.8, cell: (r) => r.qualifyingPersonName ?? '' },
  status: { title: '状态', weight: 0.7, cell: (r) => (r.status ? plaqueStatusNames[r.status].zh : '未制牌') },
  hungDate: { title: '悬挂日期', weight: 1, cell: (r, o) => printDate(r.hungDate ?? '', o.dateStyle) },
  hungPlace: { title: '悬挂位置', weight: 1, cell: (r) => r.hungPlace },
};

function plaqueList(ctx: JobContext, input: ListJobInput, office: Office): { data: Omit<AnyListData, 'issuer' | 'dateStyle' | 'date'>; names: string[] } {
  const f = input.filter;
  const prefix = f.divisionCode ? divisionPrefix(f.divisionCode) : null;
  const rows: LedgerRow[] = [];
  let after: { divisionCode: string; householdId: number } | null = null;
  for (;;) {
    const page = ledgerPage(ctx.db, { prefix, view: f.view, category: f.category, query: f.query, limit: 500, after });
    rows.push(...page.rows);
    const last = page.rows[page.rows.length - 1];
    if (page.rows.length < 500 || !last) break;
    after = { divisionCode: last.divisionCode, householdId: last.householdId };
    ctx.throwIfCancelled();
  }
  const words = [
    `区划：${f.divisionCode ? (getDivision(ctx.db, f.divisionCode)?.fullName ?? f.divisionCode) : '全部'}`,
    `视图：${VIEW_WORDS[f.view]}`,
    f.category ? `类别：${plaqueCategoryNames[f.category].zh}` : '',
    f.query ? `关键词：${f.query}` : '',
  ].filter(Boolean);
  const chosen = input.columns.map((c) => plaqueColumns[c]);
  return {
    data: {
      title: '光荣牌登记名单',
      filter: words.join('；'),
      columns: chosen.map(({ title, weight }) => ({ title, weight })),
      rows: rows.map((r) => chosen.map((c) => c.cell(r, office, input.role))),
      landscape: chosen.length > 6,
    },
    names: rows.map((r) => r.headName),
  };
}

export async function printListJob(ctx: JobContext, input: ListJobInput): Promise<PrintJobResult> {
  const fontsDir = fontsDirOf(ctx);
  ctx.progress(0, 0, 'reading');
  const office = officeOf(ctx);
  const { data: body, names } = plaqueList(ctx, input, office);
  if (body.rows.length === 0) throw nothingToPrint();
  const serial = serialFor(ctx, 'LB');
  const data: AnyListData = { ...body, ...office, serial };
  const total = data.rows.length;
  ctx.progress(0, total, 'checking');
  checkFonts(fontsDir, (check) => checkAnyList(check, data));

  const layout = new Layout(fontsDir, { title: `${data.title} ${serial}`, author: office.issuer, subject: data.filter, size: anyListPageSize(data) });
  drawAnyList(layout, data, ticker(ctx, total, 'drawing'));
  const pages = layout.pageCount;
  ctx.progress(total, total, 'saving');
  const bytes = await layout.toBuffer();
  ctx.throwIfCancelled();
  const documentId = registerDocument(ctx, bytes, {
    serial,
    kind: 'list',
    title: `${data.title} ${serial}`,
    subject: { list: input.list, filter: input.filter, columns: input.columns, masked: !roleSeesPersonalInfo(input.role) },
    records: total,
    names: namesOf(names),
    pages,
  });
  return { documentId, serial, pages, records: total };
}
