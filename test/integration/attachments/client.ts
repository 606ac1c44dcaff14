/**
 * What the renderer will do, over `core.call`: send a file in base64 chunks and finish it with
 * its sha256; sign in a second user of a given role.
 */
import type { Session } from '../../../electron/core';
import type { TestCore } from '../../support/tempCore';
import { sha256 } from './files';

/** begin → chunk × n → finish; answers the upload id. */
export async function upload(t: TestCore, session: Session, fileName: string, bytes: Buffer, chunkSize = 64 * 1024): Promise<string> {
  const { uploadId } = await t.ok('uploads.begin', { fileName, size: bytes.length }, session);
  for (let offset = 0; offset < bytes.length; offset += chunkSize) {
    await t.ok('uploads.chunk', { uploadId, offset, dataBase64: bytes.subarray(offset, offset + chunkSize).toString('base64') }, session);
  }
  await t.ok('uploads.finish', { uploadId, sha256: sha256(bytes) }, session);
  return uploadId;
}

/** upload + attachments.store, as a Result (to look at refusals). */
export async function uploadAndStore(t: TestCore, session: Session, fileName: string, bytes: Buffer) {
  const uploadId = await upload(t, session, fileName, bytes);
  return t.core.call('attachments.store', { uploadId }, session);
}

/** A signed-in user of `role` who has already changed the initial password. */
export async function userSession(t: TestCore, admin: Session, role: 'admin' | 'reviewer' | 'clerk' | 'readonly', username = role): Promise<Session> {
  await t.ok('users.create', { username, displayName: `${username} 用户`, role, password: 'initial-pass-1' }, admin);
  const session = t.core.openSession();
  await t.ok('auth.login', { username, password: 'initial-pass-1' }, session);
  await t.ok('auth.changePassword', { currentPassword: 'initial-pass-1', newPassword: 'my own pass 2' }, session);
  return session;
}
