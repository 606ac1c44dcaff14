import type { Db } from '../db/connection';
import { getAttachment } from '../db/attachments';

/** Whether a stored attachment exists (a signature scan, a take-back document). */
export function attachmentExists(db: Db, id: number): boolean {
  return getAttachment(db, id) !== undefined;
}
