/**
 * Which households a batch names. Nothing unticked: none are named, so the backend takes every
 * household of the division whose plaque can take the step (also those beyond the listed ones).
 * Some unticked: exactly the listed households still ticked.
 */
export function batchHouseholdIds(listed: readonly number[], excluded: ReadonlySet<number>): number[] | undefined {
  if (!listed.some((id) => excluded.has(id))) return undefined;
  return listed.filter((id) => !excluded.has(id));
}

/** How many households the batch will take, as the dialog says before it starts. */
export function batchChosenCount(listed: readonly number[], total: number, excluded: ReadonlySet<number>): number {
  const ids = batchHouseholdIds(listed, excluded);
  return ids === undefined ? total : ids.length;
}
