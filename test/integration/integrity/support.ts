/** Shared by the integrity tests: data with attachments held by records, and waiting for a job. */
import type { Session } from '../../../electron/core';
import type { Job } from '../../../shared/contract';
import type { TestCore } from '../../support/tempCore';
import { upload } from '../attachments/client';
import { makeJpeg } from '../attachments/files';

export async function jobEnd(t: TestCore, session: Session, jobId: number): Promise<Job> {
  for (;;) {
    const job = await t.ok('jobs.get', { id: jobId }, session);
    if (job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function storeJpeg(t: TestCore, session: Session, name: string, background: string) {
  const uploadId = await upload(t, session, name, await makeJpeg(320, 240, background));
  return (await t.ok('attachments.store', { uploadId }, session)).attachment;
}

export const CLASS_NAME = '二等功';

/**
 * A register with two scanned pages (the record 张德胜 is cut from page two), an award with its
 * order scanned, and a photo nobody holds.
 */
export async function seedHeldFiles(t: TestCore, admin: Session) {
  const page1 = await storeJpeg(t, admin, 'register-p1.jpg', '#eeeeee');
  const page2 = await storeJpeg(t, admin, 'register-p2.jpg', '#dddddd');
  const order = await storeJpeg(t, admin, 'order.jpg', '#c0a080');
  const loose = await storeJpeg(t, admin, 'loose.jpg', '#3050a0');
  const source = await t.ok('sources.create', { kind: 'register', title: '县烈士登记册（1956）' }, admin);
  await t.ok('sources.attachScans', { sourceId: source.id, attachmentIds: [page1.id, page2.id] }, admin);
  const martyr = await t.ok('martyrs.create', { name: '张德胜', sourceId: source.id, scanAttachmentId: page2.id, scanPage: 1, scanRegion: { x: 0.1, y: 0.2, w: 0.8, h: 0.1 } }, admin);
  const cls = (await t.ok('awardClasses.list', {}, admin)).find((c) => c.name === CLASS_NAME);
  if (!cls) throw new Error(`no class ${CLASS_NAME}`);
  const award = await t.ok('awards.create', { recipient: { kind: 'person', name: '李明', gender: 'male', idNumber: '11010519491231002X' }, classId: cls.id, orderNo: '东战政〔2026〕12号' }, admin);
  await t.ok('awards.attach', { awardId: award.id, attachmentIds: [order.id], label: '立功命令' }, admin);
  return { page1, page2, order, loose, source, martyr, award };
}
