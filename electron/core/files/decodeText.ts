/**
 * Text files from offices come as UTF-8 (with or without BOM), as GB18030/GBK (saved by WPS or
 * Excel on Chinese Windows) or, now and then, as Big5 (Traditional Chinese, from Taiwan or Hong
 * Kong software). Strict UTF-8 decoding fails on GBK and Big5 bytes, which tells UTF-8 apart;
 * Node's GB18030 decoder reads GBK too, four-byte characters included. GBK and Big5 cannot be told
 * apart by validity (almost every Big5 byte pair is a valid GBK character: 張德勝 in Big5, read as
 * GBK, is 眎紈秤 without a single replacement character), so `guessLegacyEncoding` counts.
 */
export type LegacyEncoding = 'gb18030' | 'big5';

export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder(guessLegacyEncoding(bytes)).decode(bytes);
  }
}

/**
 * GBK or Big5, for bytes that are not UTF-8. Each interpretation is walked over a sample and its
 * double-byte characters counted as common or not. Common in GBK: GB2312's first level — the
 * 3,755 commonest Simplified hanzi (lead bytes B0–D7) — and the punctuation and full-width rows
 * (A1–A3); common in Big5: its punctuation (A1–A3) and its 5,401 frequent hanzi (A440–C67E).
 * Real text of either kind is almost all common in its own encoding; read in the other one, its
 * commonest characters land on kana, Greek, box drawing, user-defined rows or rare hanzi (a Big5
 * roll read as GBK: about a quarter common; a GBK roll read as Big5: about half). Big5 only
 * when it wins clearly, so a GBK file with Traditional characters (GBK has them too) stays GBK.
 * One pass over at most `sampleBytes` per encoding: cheap on a 100,000-row file.
 */
export function guessLegacyEncoding(bytes: Uint8Array, sampleBytes = 256 * 1024): LegacyEncoding {
  const end = Math.min(bytes.length, sampleBytes);
  let gbkCommon = 0;
  for (let i = 0; i < end; ) {
    const lead = bytes[i]!;
    const trail = bytes[i + 1] ?? 0;
    if (lead < 0x80) {
      i++;
    } else if (trail >= 0x30 && trail <= 0x39) {
      i += 4; // a GB18030 four-byte character: never common
    } else {
      if (trail >= 0xa1 && trail <= 0xfe && ((lead >= 0xb0 && lead <= 0xd7) || (lead >= 0xa1 && lead <= 0xa3))) gbkCommon++;
      i += 2;
    }
  }
  let big5Common = 0;
  let big5All = 0;
  for (let i = 0; i < end; ) {
    const lead = bytes[i]!;
    const trail = bytes[i + 1] ?? 0;
    if (lead < 0x80) {
      i++;
      continue;
    }
    big5All++;
    if (lead >= 0xa1 && lead <= 0xc6 && ((trail >= 0x40 && trail <= 0x7e) || (trail >= 0xa1 && trail <= 0xfe))) big5Common++;
    i += 2;
  }
  return big5Common > gbkCommon && big5Common >= 0.8 * big5All ? 'big5' : 'gb18030';
}

/**
 * Whether bytes that are not valid UTF-8 hold a lot of valid UTF-8 all the same: part of the file
 * saved as UTF-8 and part as GBK (rows pasted from two sources), or a UTF-8 file with damaged
 * bytes. Decoded as GB18030 it would turn every UTF-8 character into two or three wrong ones
 * (姓名 → 濮撳悕) without any replacement character to tell. Counted: well-formed three- and
 * four-byte UTF-8 sequences (Chinese is three) against the other bytes above 0x7F; GBK text forms
 * such a sequence by chance for about 2 % of its characters, a UTF-8 part for all of them.
 */
export function looksLikeMixedUtf8(bytes: Uint8Array, sampleBytes = 256 * 1024): boolean {
  const end = Math.min(bytes.length, sampleBytes);
  let utf8Chars = 0;
  let otherHighBytes = 0;
  const cont = (b: number | undefined) => b !== undefined && b >= 0x80 && b <= 0xbf;
  for (let i = 0; i < end; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
    } else if (b >= 0xe0 && b <= 0xef && cont(bytes[i + 1]) && cont(bytes[i + 2])) {
      utf8Chars++;
      i += 3;
    } else if (b >= 0xf0 && b <= 0xf4 && cont(bytes[i + 1]) && cont(bytes[i + 2]) && cont(bytes[i + 3])) {
      utf8Chars++;
      i += 4;
    } else {
      otherHighBytes++;
      i++;
    }
  }
  // GBK characters are two bytes each: compare characters with characters.
  const gbkChars = otherHighBytes / 2;
  return utf8Chars >= 4 && utf8Chars > 0.25 * (utf8Chars + gbkChars);
}
