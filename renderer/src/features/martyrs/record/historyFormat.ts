/**
 * A history entry's values in words: enums by their labels, yes/no, next of kin as a line, a scan
 * region in % of the page, a source by its title. Pure (the labels are passed in).
 */
export interface ValueLabels {
  empty: string;
  yes: string;
  no: string;
  gender: (g: string) => string;
  period: (p: string) => string;
  status: (s: string) => string;
  relation: (r: string) => string;
  source: (id: number) => string;
}

export function formatHistoryValue(field: string, value: unknown, l: ValueLabels): string {
  if (value === null || value === undefined || value === '') return l.empty;
  if (typeof value === 'boolean') return value ? l.yes : l.no;
  if (field === 'gender' && typeof value === 'string') return l.gender(value);
  if (field === 'period' && typeof value === 'string') return l.period(value);
  if (field === 'status' && typeof value === 'string') return l.status(value);
  if (field === 'sourceId' && typeof value === 'number') return l.source(value);
  if (field === 'nextOfKin' && Array.isArray(value)) {
    if (value.length === 0) return l.empty;
    return value
      .map((k: unknown) => {
        const kin = k as { name?: unknown; relation?: unknown; note?: unknown };
        const base = `${String(kin.name ?? '')}（${l.relation(String(kin.relation ?? ''))}）`;
        return kin.note ? `${base}：${String(kin.note)}` : base;
      })
      .join('；');
  }
  if (field === 'scanRegion' && typeof value === 'object' && 'w' in value) {
    // Where on the page, as a person reads it: the top-left corner and the size, in % of the page.
    const r = value as { x: number; y: number; w: number; h: number };
    const pct = (n: number) => `${Math.round(n * 1000) / 10}%`;
    return `(${pct(r.x)}, ${pct(r.y)}) ${pct(r.w)} × ${pct(r.h)}`;
  }
  if (Array.isArray(value) && value.length === 0) return l.empty;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
