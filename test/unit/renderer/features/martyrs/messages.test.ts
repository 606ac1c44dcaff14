import { describe, expect, it } from 'vitest';
import { martyrsZh } from '../../../../../renderer/src/i18n/martyrs.zh';
import { martyrsEn } from '../../../../../renderer/src/i18n/martyrs.en';
import { martyrStatuses, periods, relations, sourceKinds } from '../../../../../shared/contract';
import { martyrSorts } from '../../../../../shared/contract/martyrs';

type Tree = { [key: string]: string | readonly string[] | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value as Tree, path)) out.set(k, v);
  }
  return out;
}
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('the martyrs’ roll texts', () => {
  const zh = leaves(martyrsZh as unknown as Tree);
  const en = leaves(martyrsEn as unknown as Tree);

  it('have the same keys and placeholders in both languages, none empty', () => {
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
    for (const [key, value] of zh) {
      expect(placeholders(en.get(key) ?? ''), key).toEqual(placeholders(value));
      expect(value.trim(), key).not.toBe('');
      expect((en.get(key) ?? '').trim(), key).not.toBe('');
    }
  });

  it('name every status, period, source kind, relation and order of the contract', () => {
    for (const s of martyrStatuses) expect(zh.has(`status.${s}`), s).toBe(true);
    for (const p of periods) expect(zh.has(`period.${p}`), p).toBe(true);
    for (const k of sourceKinds) expect(zh.has(`sourceKind.${k}`), k).toBe(true);
    for (const r of relations) expect(zh.has(`relation.${r}`), r).toBe(true);
    for (const s of martyrSorts) expect(zh.has(`sort.${s}`), s).toBe(true);
  });
});
