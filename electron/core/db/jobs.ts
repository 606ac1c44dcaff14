import type { Db } from './connection';
import type { Job } from '../../../shared/contract';
import type { LocalizedText } from '../../../shared/contract';

/** Repository of `jobs`. */
interface JobRow {
  id: number;
  kind: string;
  status: Job['status'];
  done: number;
  total: number;
  phase: string;
  started_by: number | null;
  started_by_name: string | null;
  started_at: string;
  finished_at: string | null;
  error_json: string | null;
  result_json: string | null;
}

const select = `SELECT j.*, u.display_name AS started_by_name FROM jobs j LEFT JOIN users u ON u.id = j.started_by`;

function toJob(row: JobRow): Job {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    done: row.done,
    total: row.total,
    phase: row.phase,
    startedBy: row.started_by_name ?? '',
    startedById: row.started_by,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    error: row.error_json === null ? null : (JSON.parse(row.error_json) as { code: string; message: LocalizedText }),
    result: row.result_json === null ? null : (JSON.parse(row.result_json) as unknown),
  };
}

export function insertJob(db: Db, job: { kind: string; startedBy: number | null; at: string }): Job {
  const info = db
    .prepare("INSERT INTO jobs (kind, status, started_by, started_at, phase) VALUES (?, 'running', ?, ?, 'queued')")
    .run(job.kind, job.startedBy, job.at);
  return getJob(db, Number(info.lastInsertRowid))!;
}

export function getJob(db: Db, id: number): Job | undefined {
  const row = db.prepare(`${select} WHERE j.id = ?`).get(id) as JobRow | undefined;
  return row && toJob(row);
}

export function listJobs(db: Db, limit: number): Job[] {
  return (db.prepare(`${select} ORDER BY j.id DESC LIMIT ?`).all(limit) as JobRow[]).map(toJob);
}

export function updateJobProgress(db: Db, id: number, p: { done: number; total: number; phase: string }): void {
  db.prepare('UPDATE jobs SET done = ?, total = ?, phase = ? WHERE id = ?').run(p.done, p.total, p.phase, id);
}

export function finishJob(
  db: Db,
  id: number,
  end: { status: 'done' | 'failed' | 'cancelled'; at: string; error?: { code: string; message: LocalizedText } | undefined; result?: unknown },
): void {
  db.prepare('UPDATE jobs SET status = ?, finished_at = ?, error_json = ?, result_json = ? WHERE id = ?').run(
    end.status,
    end.at,
    end.error ? JSON.stringify(end.error) : null,
    end.result === undefined ? null : JSON.stringify(end.result),
    id,
  );
}

/** Jobs left 'running' by a crash are marked failed at the next start (their work was rolled back). */
export function failInterruptedJobs(db: Db, at: string): number {
  return db
    .prepare("UPDATE jobs SET status = 'failed', finished_at = ?, error_json = ? WHERE status = 'running'")
    .run(at, JSON.stringify({ code: 'INTERNAL', message: { zh: '程序意外退出，任务未完成，数据已回滚。', en: 'The application stopped unexpectedly; the job did not finish and was rolled back.' } }))
    .changes;
}
