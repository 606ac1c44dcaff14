/**
 * Minimal typings for the `edtf` package (v4, ships none): only what partialDate.ts uses.
 * Lives in shared/rules/, which every tsconfig includes through ../shared/**.
 */
declare module 'edtf' {
  export interface ExtDateTime {
    /** 'Date' | 'Year' | 'Decade' | 'Century' | 'Season' | 'Interval' | 'List' | 'Set' */
    readonly type: string;
    /** The canonical EDTF text of what was parsed (a non-existent day such as 1947-02-29 silently rolls over!). */
    readonly edtf: string;
    /** Earliest instant, ms since the epoch in UTC; -Infinity or null for open or unknown interval starts. */
    readonly min: number | null;
    /** Latest instant (the last millisecond), UTC; Infinity or null for open or unknown interval ends. */
    readonly max: number | null;
  }
  /** Parses EDTF text; throws on anything it does not accept. */
  export default function edtf(input: string, constraints?: Record<string, unknown>): ExtDateTime;
}
