/**
 * The job `documents.list` ("any list"): the current filtered list of a page as a table with the
 * columns the user chose, the list and its filter said in the title and in words under it,
 * "内部资料" and the serial at every page's foot. Rows come from the same queries as the screens'
 * list methods, read page after page by keyset so the whole filtered list prints (at most
 * LIST_PRINT_ROWS_MAX rows): the plaque ledger (db/plaques ledgerPage), the roll (db/martyrSearch
 * listMartyrs through martyrs/search, as martyrs.search), the award register (db/awards
 * listAwards, as awards.list) and the letters (db/goodNewsLetters listLetters through
 * honors/letterList, as letters.list). Personal information of the living (households' and
 * families' addresses, phones) is masked unless the role that printed may see it
 * (shared/rules/privacy), as on screen; the martyrs are deceased and never masked.
 *
 * As the letters job: read → check every cell against the fonts → draw with progress and cancel →
 * write and register with its audit row.
 */
import type { JobContext } from '../jobs/context';
import { CoreError } from '../errors';
import { getDivision } from '../db/divisions';
import { ledgerPage } from '../db/plaques';
import { listMartyrs } from '../db/martyrSearch';
import { getSource } from '../db/sources';
import { listAwards, type AwardListRow } from '../db/awards';
import { getAwardClass } from '../db/awardClasses';
import { listLetters, type LetterRecord } from '../db/goodNewsLetters';
import { queryFromSearch } from '../martyrs/search';
import { familyContactFor, letterRows } from '../honors/deadlines';
import { letterListQuery } from '../honors/letterList';
import { divisionPrefix } from '../../../shared/rules/divisionCode';
import { plaqueCategoryNames, plaqueStatusNames } from '../../../shared/rules/plaque';
import { letterStatusNames } from '../../../shared/rules/letterState';
import { PERIOD_NAMES_ZH } from '../../../shared/rules/historicalPeriod';
import { personalInfoFor, roleSeesPersonalInfo } from '../../../shared/rules/privacy';
import { COUNT_CAP, LIST_PRINT_ROWS_MAX, type ListName, type ListPrint, type LetterRow, type MartyrRow, type PrintJobResult } from '../../../shared/contract';
import type { Role } from '../../../shared/contract/roles';
import type { LedgerRow } from '../../../shared/contract/plaques';
import { printDate } from './dates';
import { Layout } from './layout/page';
import { registerDocument } from './register';
import { checkFonts, fontsDirOf, namesOf, nothingToPrint, officeOf, serialFor, ticker, type AsRole, type Office } from './printing';
import { anyListPageSize, checkAnyList, drawAnyList, type AnyListData, type ListColumn } from './templates/anyList';

export type ListJobInput = ListPrint & AsRole;
type PrintOf<L extends ListName> = Extract<ListPrint, { list: L }>;

/** Rows read a keyset page at a time. */
const READ_PAGE = 500;

/** A column of a printed list: its title, width, and the cell of a row (masked as the role may see it). */
interface ColumnSpec<R> extends ListColumn {
  cell: (r: R, office: Office, role: Role) => string;
}

/** What a list gives the template and the register, before the office and serial are added. */
interface ListBody {
  data: Omit<AnyListData, 'issuer' | 'dateStyle' | 'date'>;
  names: string[];
}

const tooLong = () =>
  new CoreError('VALIDATION', {
    zh: `符合条件的记录超过 ${LIST_PRINT_ROWS_MAX} 条，一次打印不了。请缩小筛选范围后分批打印。`,
    en: `More than ${LIST_PRINT_ROWS_MAX} records match, too many for one print. Narrow the filter and print in parts.`,
  });

/** Every row of a keyset-paged query (at most LIST_PRINT_ROWS_MAX), with a cancel point per page. */
function everyRow<R, K>(ctx: JobContext, page: (after: K | undefined) => { rows: readonly R[]; next: K | null }): R[] {
  const rows: R[] = [];
  let after: K | undefined;
  for (;;) {
    ctx.throwIfCancelled();
    const got = page(after);
    rows.push(...got.rows);
    if (rows.length > LIST_PRINT_ROWS_MAX) throw tooLong();
    ctx.progress(rows.length, 0, 'reading');
    if (got.next === null || got.rows.length === 0) return rows;
    after = got.next;
  }
}

/** The chosen columns over the rows, in the order chosen. */
function table<R, C extends string>(specs: Record<C, ColumnSpec<R>>, chosen: readonly C[], rows: readonly R[], office: Office, role: Role): Pick<AnyListData, 'columns' | 'rows' | 'landscape'> {
  const columns = chosen.map((c) => specs[c]);
  return {
    columns: columns.map(({ title, weight, align }) => ({ title, weight, align })),
    rows: rows.map((r) => columns.map((c) => c.cell(r, office, role))),
    landscape: columns.length > 6,
  };
}

const divisionName = (ctx: JobContext, code: string) => getDivision(ctx.db, code)?.fullName ?? code;
const keywords = (query: string) => (query.trim() ? `关键词：${query.trim()}` : '');
const titled = (parts: readonly string[], list: string) => [...parts.filter(Boolean), list].join(' ');

// ── The plaque ledger ────────────────────────────────────────────────────────────────────────

const VIEW_WORDS = { all: '全部', hung: '已悬挂', in_use_not_hung: '在用未悬挂', cancelled: '已取消', made: '待发放', issued: '待悬挂', taken_back: '已收回', none: '未制牌' } as const;

const plaqueColumns: Record<PrintOf<'plaques'>['columns'][number], ColumnSpec<LedgerRow>> = {
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

function plaqueList(ctx: JobContext, input: PrintOf<'plaques'> & AsRole, office: Office): ListBody {
  const f = input.filter;
  const prefix = f.divisionCode ? divisionPrefix(f.divisionCode) : null;
  const rows = everyRow<LedgerRow, { divisionCode: string; householdId: number }>(ctx, (after) => {
    const page = ledgerPage(ctx.db, { prefix, view: f.view, category: f.category, query: f.query, limit: READ_PAGE, after: after ?? null });
    const last = page.rows[page.rows.length - 1];
    return { rows: page.rows, next: page.rows.length < READ_PAGE || !last ? null : { divisionCode: last.divisionCode, householdId: last.householdId } };
  });
  const words = [
    `区划：${f.divisionCode ? divisionName(ctx, f.divisionCode) : '全部'}`,
    `视图：${VIEW_WORDS[f.view]}`,
    f.category ? `类别：${plaqueCategoryNames[f.category].zh}` : '',
    keywords(f.query),
  ].filter(Boolean);
  return {
    data: { title: '光荣牌登记名单', filter: words.join('；'), ...table(plaqueColumns, input.columns, rows, office, input.role) },
    names: rows.map((r) => r.headName),
  };
}

// ── The roll (martyrs.search) ────────────────────────────────────────────────────────────────

const MARTYR_STATUS_WORDS = { draft: '草稿', submitted: '已提交', verified: '已审核', returned: '已退回' } as const;
const GENDER_WORDS = { male: '男', female: '女', unknown: '' } as const;
const SORT_WORDS = { strokeSurname: '姓氏笔画', strokeFullName: '姓名笔画', pinyin: '拼音', deathDate: '牺牲时间', entered: '录入时间' } as const;

const martyrColumns: Record<PrintOf<'martyrs'>['columns'][number], ColumnSpec<MartyrRow>> = {
  name: { title: '姓名', weight: 0.8, cell: (r) => r.name },
  gender: { title: '性别', weight: 0.4, align: 'center', cell: (r) => GENDER_WORDS[r.gender] },
  birth: { title: '出生日期', weight: 0.9, cell: (r, o) => printDate(r.birth, o.dateStyle) },
  death: { title: '牺牲时间', weight: 0.9, cell: (r, o) => printDate(r.death, o.dateStyle) },
  nativePlace: { title: '籍贯', weight: 1.4, cell: (r) => r.nativePlace },
  unitAndPost: { title: '生前所在单位及职务', weight: 1.8, cell: (r) => r.unitAndPost },
  deathPlace: { title: '牺牲地点', weight: 1.2, cell: (r) => r.deathPlace },
  period: { title: '历史时期', weight: 1.2, cell: (r) => (r.period ? PERIOD_NAMES_ZH[r.period] : '') },
  burialPlace: { title: '安葬地', weight: 1.2, cell: (r) => r.burialPlace },
  certificateNo: { title: '烈士证明书编号', weight: 1.1, cell: (r) => r.certificateNo },
  status: { title: '状态', weight: 0.6, cell: (r) => MARTYR_STATUS_WORDS[r.status] },
};

function martyrList(ctx: JobContext, input: PrintOf<'martyrs'> & AsRole, office: Office): ListBody {
  const f = input.filter;
  const rows = everyRow<MartyrRow, [string | number, number]>(ctx, (after) => {
    const page = listMartyrs(ctx.db, queryFromSearch(f, READ_PAGE, after ?? null), COUNT_CAP);
    return { rows: page.rows, next: page.nextCursor };
  });
  const period = f.period === undefined ? '' : f.period === 'none' ? '时期不详' : PERIOD_NAMES_ZH[f.period];
  const status = f.status ? MARTYR_STATUS_WORDS[f.status] : '';
  const death = f.deathFrom || f.deathTo ? `牺牲时间：${printDate(f.deathFrom ?? '', office.dateStyle) || '不限'}至${printDate(f.deathTo ?? '', office.dateStyle) || '不限'}` : '';
  const words = [
    f.deleted ? '回收站' : '',
    period ? `时期：${period}` : '',
    status ? `状态：${status}` : '',
    f.divisionCode ? `区划：${divisionName(ctx, f.divisionCode)}` : '',
    death,
    f.sourceId !== undefined ? `来源：${getSource(ctx.db, f.sourceId)?.title ?? f.sourceId}` : '',
    keywords(f.query),
    `排序：${f.deleted ? '删除时间' : SORT_WORDS[f.sort]}`,
  ].filter(Boolean);
  return {
    data: { title: titled([period, status], f.deleted ? '烈士名录（回收站）' : '烈士名录'), filter: words.join('；'), ...table(martyrColumns, input.columns, rows, office, input.role) },
    names: rows.map((r) => r.name),
  };
}

// ── The award register (awards.list) ─────────────────────────────────────────────────────────

const awardColumns: Record<PrintOf<'awards'>['columns'][number], ColumnSpec<AwardListRow>> = {
  recipient: { title: '获奖者', weight: 1, cell: (r) => r.recipientName },
  className: { title: '奖励类别', weight: 0.8, cell: (r) => r.className },
  authority: { title: '批准机关', weight: 1.4, cell: (r) => r.authority },
  orderNo: { title: '命令（通令）文号', weight: 1.2, cell: (r) => r.orderNo },
  awardDate: { title: '奖励日期', weight: 0.9, cell: (r, o) => printDate(r.awardDate, o.dateStyle) },
  soldierUnit: { title: '所在部队', weight: 1.4, cell: (r) => r.soldierUnit },
  letterStatus: { title: '喜报', weight: 0.6, cell: (r) => (r.letterStatus ? letterStatusNames[r.letterStatus].zh : '无') },
};

function awardList(ctx: JobContext, input: PrintOf<'awards'> & AsRole, office: Office): ListBody {
  const f = input.filter;
  const rows = everyRow<AwardListRow, { awardDate: string | null; id: number }>(ctx, (after) => listAwards(ctx.db, { query: f.query, classId: f.classId, year: f.year, limit: READ_PAGE, after }));
  const className = f.classId !== undefined ? (getAwardClass(ctx.db, f.classId)?.name ?? String(f.classId)) : '';
  const year = f.year === null ? '日期不详' : f.year !== undefined ? `${f.year} 年` : '';
  const words = [className ? `类别：${className}` : '', year ? `年份：${year}` : '', keywords(f.query)].filter(Boolean);
  return {
    data: { title: titled([className, year], '奖励登记名单'), filter: words.join('；'), ...table(awardColumns, input.columns, rows, office, input.role) },
    names: rows.map((r) => r.recipientName),
  };
}

// ── The letters (letters.list) ───────────────────────────────────────────────────────────────

const DUE_WORDS = { all: '', open: '未送达', overdue: '已逾期', dueSoon: '即将到期' } as const;

/** A letter's list row as the screen has it (address masked by role) with its record. */
interface LetterLine {
  row: LetterRow;
  record: LetterRecord;
}

function deadlineWords(r: LetterRow): string {
  if (r.status === 'cancelled' || r.deadline === 'done') return '';
  if (r.deadline === 'overdue') return `逾期 ${-r.workingDaysLeft} 个工作日`;
  if (r.deadline === 'dueToday') return '今天到期';
  return `剩 ${r.workingDaysLeft} 个工作日`;
}

const letterColumns: Record<PrintOf<'letters'>['columns'][number], ColumnSpec<LetterLine>> = {
  recipient: { title: '获奖者', weight: 0.9, cell: (l) => l.row.recipientName },
  className: { title: '奖励类别', weight: 0.8, cell: (l) => l.row.className },
  family: { title: '送达家庭', weight: 0.8, cell: (l) => l.row.familyName },
  relation: { title: '关系', weight: 0.5, cell: (l) => l.record.familyRelation },
  address: { title: '送达地址', weight: 1.6, cell: (l) => l.row.familyAddress },
  phone: { title: '联系电话', weight: 1, cell: (l, _o, role) => familyContactFor(l.record, role).familyPhone },
  receivedOn: { title: '收到日期', weight: 0.9, cell: (l, o) => printDate(l.row.receivedOn, o.dateStyle) },
  dueOn: { title: '办理期限', weight: 0.9, cell: (l, o) => printDate(l.row.dueOn, o.dateStyle) },
  deadline: { title: '期限', weight: 0.9, cell: (l) => deadlineWords(l.row) },
  status: { title: '状态', weight: 0.6, cell: (l) => letterStatusNames[l.row.status].zh },
  deliverers: { title: '送达责任人', weight: 1.1, cell: (l) => l.record.deliverers },
  deliveredOn: { title: '送达日期', weight: 0.9, cell: (l, o) => printDate(l.row.deliveredOn, o.dateStyle) },
};

function letterList(ctx: JobContext, input: PrintOf<'letters'> & AsRole, office: Office): ListBody {
  const f = input.filter;
  const today = office.date;
  const query = letterListQuery(ctx.db, f, today);
  const records = everyRow<LetterRecord, { dueOn: string | null; receivedOn: string; id: number }>(ctx, (after) => listLetters(ctx.db, { ...query, limit: READ_PAGE, after }));
  const rows = letterRows(ctx.db, records, today, input.role);
  const lines = records.map((record, i): LetterLine => ({ record, row: rows[i]! }));
  const status = f.status ? letterStatusNames[f.status].zh : '';
  const due = DUE_WORDS[f.due];
  const words = [status ? `状态：${status}` : '', due ? `期限：${due}` : '', keywords(f.query)].filter(Boolean);
  return {
    data: { title: titled([status, due], '喜报名单'), filter: words.join('；'), ...table(letterColumns, input.columns, lines, office, input.role) },
    names: records.map((r) => r.recipientName),
  };
}

function listBody(ctx: JobContext, input: ListJobInput, office: Office): ListBody {
  switch (input.list) {
    case 'plaques':
      return plaqueList(ctx, input, office);
    case 'martyrs':
      return martyrList(ctx, input, office);
    case 'awards':
      return awardList(ctx, input, office);
    case 'letters':
      return letterList(ctx, input, office);
  }
}

export async function printListJob(ctx: JobContext, input: ListJobInput): Promise<PrintJobResult> {
  const fontsDir = fontsDirOf(ctx);
  ctx.progress(0, 0, 'reading');
  const office = officeOf(ctx);
  const { data: body, names } = listBody(ctx, input, office);
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
