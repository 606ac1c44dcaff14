/** A text shown to people, in Simplified Chinese first and English second. */
export interface LocalizedText {
  zh: string;
  en: string;
}

export function text(zh: string, en: string): LocalizedText {
  return { zh, en };
}
