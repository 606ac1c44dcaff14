/** The people of the bench's import file: 100,000 of another synthetic roll, each person once (the import refuses a file that repeats one). */
import { syntheticRoll, type SyntheticMartyr } from '../support/syntheticRoll';

export function importFileRoll(): SyntheticMartyr[] {
  const seen = new Set<string>();
  const people: SyntheticMartyr[] = [];
  for (const m of syntheticRoll(101_000, 1947)) {
    const key = `${m.name}|${m.birthDate}|${m.deathDate}|${m.nativePlaceText}`;
    if (seen.has(key)) continue;
    seen.add(key);
    people.push(m);
    if (people.length === 100_000) break;
  }
  return people;
}
