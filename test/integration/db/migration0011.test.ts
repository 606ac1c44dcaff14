import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/connection';
import { migrate } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { tempDir } from '../../support/tempCore';

const version = migrations.findIndex((m) => m.name === 'awards-letters') + 1;

describe('0011 awards-letters', () => {
  it('seeds the classes, keeps one live letter per award, and finds open letters by deadline through its index', () => {
    const db = openDatabase(join(tempDir(), 'test.db'));
    migrate(db, migrations, version);
    const classes = db.prepare('SELECT name, deadline_days AS days FROM award_classes ORDER BY position').all() as { name: string; days: number }[];
    expect(classes.map((c) => c.name)).toEqual(['八一勋章', '荣誉称号', '一等功', '二等功', '三等功', '优秀士兵', '嘉奖']);
    const at = '2026-11-23T00:00:00Z';
    db.prepare("INSERT INTO awards (recipient_kind, unit_name, class_id, created_at, updated_at) VALUES ('unit', '某部', 1, ?, ?)").run(at, at);
    const letter = db.prepare("INSERT INTO good_news_letters (award_id, family_address, received_on, due_on, created_at, updated_at, status) VALUES (1, '某地', '2026-11-23', '2026-11-30', ?, ?, ?)");
    letter.run(at, at, 'cancelled');
    letter.run(at, at, 'received');
    expect(() => letter.run(at, at, 'verified')).toThrow(/UNIQUE constraint failed: good_news_letters.award_id/);
    expect(() => db.prepare("INSERT INTO awards (recipient_kind, class_id, created_at, updated_at) VALUES ('person', 1, ?, ?)").run(at, at)).toThrow(/CHECK/);
    const plan = (db.prepare("EXPLAIN QUERY PLAN SELECT id FROM good_news_letters WHERE status IN ('received', 'registered', 'verified') AND due_on <= '2026-12-01' ORDER BY due_on").all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan).toMatch(/USING (COVERING )?INDEX good_news_letters_(open_due|status)/);
    expect(plan).not.toMatch(/SCAN good_news_letters/);
    db.close();
  });
});
