/** The shape every language file must have: the keys of `zh.ts`, each with a string (or a list of strings). */
export type Messages<T> = {
  [K in keyof T]: T[K] extends string ? string : T[K] extends readonly string[] ? readonly string[] : Messages<T[K]>;
};
