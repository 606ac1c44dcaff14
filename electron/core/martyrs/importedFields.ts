/**
 * `martyrFieldsSchema.parse(values)` for the rows of an import, without running zod on each of
 * 100,000 rows (~8 µs a row, a third of what checking a row costs otherwise).
 *
 * An import row is already what the schema wants: its texts are trimmed strings, its gender and
 * period come from fixed tables. So when every text is within the schema's maximum length (in
 * UTF-16 units, as zod counts) and the source id is a valid id, the output is the schema's defaults
 * overlaid with the values, in the schema's key order — exactly what zod returns. Anything else
 * (a text too long in units, a value of the wrong type) goes through zod itself, so the result, or
 * the error thrown, is zod's. test/unit/electron/core/martyrs/importedFields.test.ts compares the two.
 */
import { z } from 'zod';
import { martyrFieldsSchema, type MartyrFields, type MartyrFieldsInput } from '../../../shared/contract';

type Shape = typeof martyrFieldsSchema.shape;

/** The maximum length of every plain text field of the schema (trimmed strings, possibly defaulted). */
const maxLengths: [keyof MartyrFields, number][] = Object.entries(martyrFieldsSchema.shape).flatMap(([key, field]) => {
  const inner: unknown = field instanceof z.ZodDefault ? field.removeDefault() : field;
  return inner instanceof z.ZodString && typeof inner.maxLength === 'number' ? [[key as keyof MartyrFields, inner.maxLength] as [keyof MartyrFields, number]] : [];
});
const textKeys = new Set(maxLengths.map(([key]) => key));
const otherKeys = new Set<string>(['unnamed', 'gender', 'period', 'sourceId']);
const genders = new Set<unknown>((martyrFieldsSchema.shape.gender as Shape['gender']).removeDefault().options);
const periods = new Set<unknown>(martyrFieldsSchema.shape.period.removeDefault().unwrap().options);

/** Every field at its default, in the schema's order (the name, which has none, as ''). */
const defaults: MartyrFields = martyrFieldsSchema.parse({ name: '' });

const isId = (v: unknown) => v === null || (typeof v === 'number' && Number.isSafeInteger(v) && v > 0);

/** True when the fast path gives zod's result for these values. */
function plain(values: Record<string, unknown>): boolean {
  for (const key in values) {
    const v = values[key];
    if (textKeys.has(key as keyof MartyrFields)) {
      if (typeof v !== 'string' || v !== v.trim()) return false;
    } else if (!otherKeys.has(key)) return false;
  }
  if (typeof values.name !== 'string') return false;
  for (const [key, max] of maxLengths) {
    const v = values[key];
    if (typeof v === 'string' && v.length > max) return false;
  }
  if (values.unnamed !== undefined && typeof values.unnamed !== 'boolean') return false;
  if (values.gender !== undefined && !genders.has(values.gender)) return false;
  if (values.period !== undefined && values.period !== null && !periods.has(values.period)) return false;
  return values.sourceId === undefined || isId(values.sourceId);
}

export function importedFields(values: MartyrFieldsInput): MartyrFields {
  const v = values as Record<string, unknown>;
  if (!plain(v)) return martyrFieldsSchema.parse(values);
  const fields = { ...defaults, ...values, nextOfKin: [] } as MartyrFields;
  for (const key in fields) if ((fields as Record<string, unknown>)[key] === undefined) (fields as Record<string, unknown>)[key] = (defaults as Record<string, unknown>)[key];
  return fields;
}
