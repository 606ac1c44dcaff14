/**
 * Where attachment files live under the data folder (DESIGN.md §3 rule 6):
 *   attachments/ab/cd/<sha256>                 the stored bytes, named by their hash
 *   derivatives/<sha256>/p<page>-w<width>.jpg  viewable pages, made once (disposable cache)
 *   tmp/uploads/<uploadId>.part / .json        uploads in progress (removed after 24 h)
 */
import { join } from 'node:path';

const SHA256 = /^[0-9a-f]{64}$/;

function checkSha(sha256: string): string {
  // Names built from a hash must never become a path outside the folder.
  if (!SHA256.test(sha256)) throw new Error(`not a sha256: ${sha256.slice(0, 80)}`);
  return sha256;
}

export const attachmentsRoot = (dataDir: string) => join(dataDir, 'attachments');
export const derivativesRoot = (dataDir: string) => join(dataDir, 'derivatives');
export const uploadsDir = (dataDir: string) => join(dataDir, 'tmp', 'uploads');

export function blobPath(dataDir: string, sha256: string): string {
  const sha = checkSha(sha256);
  return join(attachmentsRoot(dataDir), sha.slice(0, 2), sha.slice(2, 4), sha);
}

export function derivativeDir(dataDir: string, sha256: string): string {
  return join(derivativesRoot(dataDir), checkSha(sha256));
}

export function derivativePath(dataDir: string, sha256: string, page: number, width: number): string {
  return join(derivativeDir(dataDir, sha256), `p${page}-w${width}.jpg`);
}

export function isSha256(name: string): boolean {
  return SHA256.test(name);
}
