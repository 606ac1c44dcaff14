/**
 * Plaque events keep their reasons as codes (`criminal_sentence`, `moved`) and the making of a
 * plaque as "name category basis"; a clerk must read them in words. `codes` maps each code to its
 * words in the screen's language; text that is no code is left as typed.
 */
export function readableReason(text: string, codes: Readonly<Record<string, string>>): string {
  return text
    .split(/(：|\s+)/)
    .map((part) => codes[part] ?? part)
    .join('');
}
