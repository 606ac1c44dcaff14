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
