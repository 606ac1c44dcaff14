import { describe, expect, it } from 'vitest';
import { zh } from '../../../../renderer/src/i18n/zh';
import { en } from '../../../../renderer/src/i18n/en';

type Tree = { [key: string]: string | readonly string[] | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string | readonly string[]> {
  const out = new Map<string, string | readonly string[]>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string' || Array.isArray(value)) out.set(path, value as string | readonly string[]);
    else for (const [k, v] of leaves(value as Tree, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('the two languages', () => {
  const zhLeaves = leaves(zh as unknown as Tree);
  const enLeaves = leaves(en as unknown as Tree);

  it('have the same keys', () => {
    expect([...enLeaves.keys()].sort()).toEqual([...zhLeaves.keys()].sort());
  });

  it('use the same {{placeholders}} and the same number of list items', () => {
    for (const [key, zhValue] of zhLeaves) {
      const enValue = enLeaves.get(key);
      if (typeof zhValue === 'string') {
        expect(placeholders(enValue as string), key).toEqual(placeholders(zhValue));
      } else {
        expect((enValue as readonly string[]).length, key).toBe(zhValue.length);
      }
    }
  });

  it('leave no text empty', () => {
    for (const [key, value] of [...zhLeaves, ...enLeaves]) {
      const texts = typeof value === 'string' ? [value] : value;
      for (const text of texts) expect(text.trim(), key).not.toBe('');
    }
  });
});
