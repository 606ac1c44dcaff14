/**
 * Text files from offices come as UTF-8 (with or without BOM) or as GB18030/GBK (saved by WPS or
 * Excel on Chinese Windows). Strict UTF-8 decoding fails on GBK bytes, which tells the two apart;
 * Node's GB18030 decoder reads GBK too, four-byte characters included.
 */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
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
