/** What we use of fontkit 2.0 (pdfkit's own font engine; it ships no types). */
declare module 'fontkit' {
  export function openSync(path: string): unknown;
}
