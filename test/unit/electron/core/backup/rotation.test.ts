import { describe, expect, it } from 'vitest';
import { backupsToKeep, DEFAULT_ROTATION } from '../../../../../electron/core/backup/rotation';
import { automaticBackupDate, backupFileName } from '../../../../../electron/core/backup/files';

const UTC = 0;
/** One backup a day at noon UTC from `first` for `days` days. */
function daily(first: string, days: number) {
  const start = Date.parse(`${first}T12:00:00Z`);
  return Array.from({ length: days }, (_, i) => ({ name: `b${i}`, at: new Date(start + i * 86_400_000) }));
}

describe('backupsToKeep: 7 daily, 4 weekly, 12 monthly', () => {
  it('keeps everything while there are few', () => {
    const backups = daily('2026-12-01', 3);
    expect(backupsToKeep(backups, DEFAULT_ROTATION, UTC)).toEqual(new Set(['b0', 'b1', 'b2']));
  });

  it('keeps nothing of an empty folder', () => {
    expect(backupsToKeep([], DEFAULT_ROTATION, UTC).size).toBe(0);
  });

  it('after a year of daily backups: the last 7 days, the newest of 4 weeks and of 12 months', () => {
    // 2026-01-01 … 2026-12-31 (365 days); the newest is b364 = Thursday 2026-12-31.
    const backups = daily('2026-01-01', 365);
    const keep = backupsToKeep(backups, DEFAULT_ROTATION, UTC);
    const day = (name: string) => backups.find((b) => b.name === name)!.at.toISOString().slice(0, 10);
    const kept = [...keep].map(day).sort();
    // Daily: 12-25 … 12-31. Weekly (Monday weeks): newest of the weeks of 12-28, 12-21, 12-14, 12-07
    // → 12-31, 12-27, 12-20, 12-13. Monthly: newest of each month Jan … Dec → the last day of each.
    expect(kept).toEqual(
      [
        '2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30', '2026-07-31', '2026-08-31', '2026-09-30', '2026-10-31', '2026-11-30',
        '2026-12-13', '2026-12-20',
        '2026-12-25', '2026-12-26', '2026-12-27', '2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31',
      ].sort(),
    );
  });

  it('of several backups on one day keeps the newest of that day only', () => {
    const backups = [
      { name: 'morning', at: new Date('2026-12-04T01:00:00Z') },
      { name: 'noon', at: new Date('2026-12-04T04:00:00Z') },
      { name: 'evening', at: new Date('2026-12-04T10:00:00Z') },
    ];
    expect(backupsToKeep(backups, DEFAULT_ROTATION, UTC)).toEqual(new Set(['evening']));
  });

  it('counts days in the office’s time zone: 23:30 and 00:30 in Beijing are two days', () => {
    const backups = [
      { name: 'late', at: new Date('2026-12-04T15:30:00Z') }, // 23:30 on the 4th in Beijing
      { name: 'early', at: new Date('2026-12-04T16:30:00Z') }, // 00:30 on the 5th
    ];
    expect(backupsToKeep(backups, DEFAULT_ROTATION, 480)).toEqual(new Set(['late', 'early']));
    expect(backupsToKeep(backups, DEFAULT_ROTATION, UTC)).toEqual(new Set(['early']));
  });

  it('always keeps the newest, even with a policy of nothing', () => {
    const backups = daily('2026-12-01', 5);
    expect(backupsToKeep(backups, { daily: 0, weekly: 0, monthly: 0 }, UTC)).toEqual(new Set(['b4']));
  });

  it('gaps of weeks without any backup do not use up the weekly slots', () => {
    const backups = [
      { name: 'jan', at: new Date('2026-01-10T12:00:00Z') },
      { name: 'mar', at: new Date('2026-03-10T12:00:00Z') },
      { name: 'jun', at: new Date('2026-06-10T12:00:00Z') },
    ];
    expect(backupsToKeep(backups, { daily: 1, weekly: 2, monthly: 0 }, UTC)).toEqual(new Set(['jun', 'mar']));
  });
});

describe('automatic backup file names', () => {
  it('carry their local date and time and read back', () => {
    const at = new Date(2026, 11, 4, 18, 30, 5);
    const name = backupFileName(at, 'daily');
    expect(name).toBe('光荣自动备份-2026-12-04-183005-daily.grbak');
    expect(automaticBackupDate(name)).toEqual(at);
    expect(automaticBackupDate('光荣自动备份-2026-12-04-183005-before-restore-2.grbak')).toEqual(at);
  });

  it('a manual backup is never an automatic one (rotation never deletes it)', () => {
    const name = backupFileName(new Date(2026, 11, 4, 18, 30), 'manual');
    expect(name).toBe('光荣备份-2026-12-04-1830.grbak');
    expect(automaticBackupDate(name)).toBeNull();
    expect(automaticBackupDate('notes.txt')).toBeNull();
  });
});
