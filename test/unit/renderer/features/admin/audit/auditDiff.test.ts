import { describe, expect, it } from 'vitest';
import { changedFields, summarize } from '../../../../../../renderer/src/features/admin/audit/auditDiff';

describe('the audit viewer helpers', () => {
  it('lists the top-level fields that changed', () => {
    const before = { role: 'clerk', active: true, displayName: '李华', tags: ['a'] };
    const after = { role: 'reviewer', active: true, displayName: '李华', tags: ['a', 'b'], extra: 1 };
    expect(changedFields(before, after)).toEqual(['role', 'tags', 'extra']);
    expect(changedFields(null, after)).toEqual([]);
  });

  it('summarizes the simple fields of after, else before', () => {
    expect(summarize({ before: null, after: { username: 'lihua', role: 'clerk', nested: { x: 1 } } })).toBe('username: lihua · role: clerk');
    expect(summarize({ before: { id: 2 }, after: null })).toBe('id: 2');
    expect(summarize({ before: null, after: null })).toBe('');
    expect(summarize({ before: null, after: { text: 'x'.repeat(300) } }, 20)).toHaveLength(20);
  });
});
