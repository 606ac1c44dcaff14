/**
 * Which automatic backups to keep: the newest of each of the last 7 days that have one, of each
 * of the last 4 weeks (Monday to Sunday) and of each of the last 12 months; the newest of all is
 * always kept. Pure: the caller lists the files and deletes the others.
 *
 * Days, weeks and months are the office's local calendar (`offsetMinutes` east of UTC, +480 for
 * China); the default is this machine's own offset at each date.
 */
export interface RotationPolicy {
  daily: number;
  weekly: number;
  monthly: number;
}

export const DEFAULT_ROTATION: RotationPolicy = { daily: 7, weekly: 4, monthly: 12 };

export interface DatedBackup {
  name: string;
  at: Date;
}

const DAY_MS = 86_400_000;

function localMs(date: Date, offsetMinutes: number | undefined): number {
  const offset = offsetMinutes ?? -date.getTimezoneOffset();
  return date.getTime() + offset * 60_000;
}

function dayKey(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function weekKey(ms: number): string {
  const day = new Date(ms).getUTCDay(); // 0 = Sunday
  const monday = ms - ((day + 6) % 7) * DAY_MS;
  return dayKey(monday);
}

function monthKey(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7);
}

/** The names to keep; every other automatic backup may be deleted. */
export function backupsToKeep(backups: readonly DatedBackup[], policy: RotationPolicy = DEFAULT_ROTATION, offsetMinutes?: number): Set<string> {
  const newestFirst = [...backups].sort((a, b) => b.at.getTime() - a.at.getTime() || b.name.localeCompare(a.name));
  const keep = new Set<string>();
  if (newestFirst.length > 0) keep.add(newestFirst[0]!.name);
  const buckets: [number, (ms: number) => string][] = [
    [policy.daily, dayKey],
    [policy.weekly, weekKey],
    [policy.monthly, monthKey],
  ];
  for (const [limit, keyOf] of buckets) {
    const seen = new Set<string>();
    for (const backup of newestFirst) {
      if (seen.size >= limit) break;
      const key = keyOf(localMs(backup.at, offsetMinutes));
      if (seen.has(key)) continue;
      seen.add(key);
      keep.add(backup.name);
    }
  }
  return keep;
}
