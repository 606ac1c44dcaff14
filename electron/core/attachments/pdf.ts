/**
 * Counting the pages of a PDF without a PDF library. The renderer displays PDFs with pdf.js; the
 * backend only needs to know the file is a complete PDF and how many pages it has.
 *
 * The scan walks the file's objects once (jumping over stream data by its /Length), reads the
 * objects packed in compressed object streams (/Type /ObjStm, PDF 1.5+), and keeps the last
 * definition of each object number (incremental updates). The page count is the /Count of the
 * page tree named by the catalog (/Root → /Pages); failing that, the number of distinct
 * /Type /Page objects. A file without `%%EOF` at its end was cut short.
 */
import { constants, inflateSync } from 'node:zlib';

export type PdfCount = { ok: true; pages: number } | { ok: false; reason: 'truncated' | 'unparsable' | 'encrypted' };

const MAX_DICT = 256 * 1024;
const MAX_INFLATED = 64 * 1024 * 1024;

const isSpace = (c: number | undefined) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
const isDelimiter = (c: number | undefined) => c === undefined || isSpace(c) || c === 0x3c || c === 0x2f || c === 0x5b || c === 0x28 || c === 0x25;

const ref = (dict: string, key: string) => {
  const m = new RegExp(`/${key}\\s+(\\d+)\\s+\\d+\\s+R`).exec(dict);
  return m ? Number(m[1]) : null;
};

function objectStreamMembers(dict: string, data: Buffer, objects: Map<number, string>): void {
  if (!/\/FlateDecode/.test(dict)) return;
  const n = /\/N\s+(\d+)/.exec(dict);
  const first = /\/First\s+(\d+)/.exec(dict);
  if (!n || !first) return;
  let text: string;
  try {
    text = inflateSync(data, { maxOutputLength: MAX_INFLATED, finishFlush: constants.Z_SYNC_FLUSH /* tolerate trailing bytes */ }).toString('latin1');
  } catch {
    return; // encrypted or damaged: the fallback decides
  }
  const start = Number(first[1]);
  const header = text.slice(0, start).trim().split(/\s+/).map(Number);
  const count = Math.min(Number(n[1]), Math.floor(header.length / 2));
  for (let k = 0; k < count; k++) {
    const num = header[2 * k]!;
    const from = start + header[2 * k + 1]!;
    const to = k + 1 < count ? start + header[2 * k + 3]! : text.length;
    if (Number.isFinite(num) && from >= start && to >= from) objects.set(num, text.slice(from, Math.min(to, from + MAX_DICT)));
  }
}

export function countPdfPages(buf: Buffer): PdfCount {
  const tail = buf.subarray(Math.max(0, buf.length - 2048));
  if (tail.lastIndexOf('%%EOF', undefined, 'latin1') < 0) return { ok: false, reason: 'truncated' };

  const objects = new Map<number, string>();
  let root: number | null = null;
  let encrypted = false;
  let pos = 0;
  for (;;) {
    const at = buf.indexOf('obj', pos, 'latin1');
    if (at < 0) break;
    pos = at + 3;
    if (!isDelimiter(buf[at + 3]) || !isSpace(buf[at - 1])) continue;
    const head = /(?:^|[\s>\]])(\d+)\s+(\d+)\s+$/.exec(buf.toString('latin1', Math.max(0, at - 40), at));
    if (!head) continue;
    const num = Number(head[1]);
    const endobj = buf.indexOf('endobj', pos, 'latin1');
    const stream = buf.indexOf('stream', pos, 'latin1');
    if (stream >= 0 && (endobj < 0 || stream < endobj) && stream - pos <= MAX_DICT) {
      const dict = buf.toString('latin1', pos, stream);
      objects.set(num, dict);
      let dataStart = stream + 6;
      if (buf[dataStart] === 0x0d) dataStart++;
      if (buf[dataStart] === 0x0a) dataStart++;
      const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
      let dataEnd = -1;
      if (length) {
        const guess = dataStart + Number(length[1]);
        const found = guess <= buf.length ? buf.indexOf('endstream', guess, 'latin1') : -1;
        if (found >= 0 && found - guess <= 64) dataEnd = guess;
      }
      const endstream = buf.indexOf('endstream', dataEnd >= 0 ? dataEnd : dataStart, 'latin1');
      if (endstream < 0) return { ok: false, reason: 'truncated' };
      if (dataEnd < 0) dataEnd = endstream;
      if (/\/Type\s*\/ObjStm/.test(dict)) objectStreamMembers(dict, buf.subarray(dataStart, dataEnd), objects);
      if (/\/Type\s*\/XRef/.test(dict)) {
        root = ref(dict, 'Root') ?? root;
        encrypted ||= /\/Encrypt\b/.test(dict);
      }
      pos = endstream + 9;
    } else {
      const end = endobj >= 0 ? Math.min(endobj, pos + MAX_DICT) : Math.min(buf.length, pos + MAX_DICT);
      objects.set(num, buf.toString('latin1', pos, end));
      if (endobj >= 0) pos = endobj + 6;
    }
  }
  for (let t = buf.indexOf('trailer', 0, 'latin1'); t >= 0; t = buf.indexOf('trailer', t + 7, 'latin1')) {
    const dict = buf.toString('latin1', t, Math.min(buf.length, t + 4096));
    root = ref(dict, 'Root') ?? root;
    encrypted ||= /\/Encrypt\b/.test(dict);
  }

  // The page tree's root counts every page.
  const catalog = root === null ? undefined : objects.get(root);
  const treeRef = catalog === undefined ? null : ref(catalog, 'Pages');
  const tree = treeRef === null ? undefined : objects.get(treeRef);
  const count = tree === undefined ? null : /\/Count\s+(\d+)(?!\s+\d+\s+R)/.exec(tree);
  if (tree !== undefined && /\/Type\s*\/Pages\b/.test(tree) && count && Number(count[1]) > 0) return { ok: true, pages: Number(count[1]) };

  // Fallback: the distinct page objects.
  let pages = 0;
  for (const dict of objects.values()) if (/\/Type\s*\/Page(?![A-Za-z])/.test(dict)) pages++;
  if (pages > 0) return { ok: true, pages };
  return { ok: false, reason: encrypted ? 'encrypted' : 'unparsable' };
}
