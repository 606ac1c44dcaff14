/** Whole files written so that a crash leaves the old one or the new one, never half of either. */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';

/**
 * Writes `bytes` to a temp file beside `target`, fsyncs it, and renames it over `target`. On a
 * failure (a full disk: ENOSPC, answered to the user as DISK_FULL) the temp file is removed and
 * `target` is as it was.
 */
export function writeFileDurably(target: string, bytes: Uint8Array): void {
  const temp = `${target}.${process.pid}.tmp`;
  try {
    const fd = openSync(temp, 'w');
    try {
      // One write(2) may take only part of the bytes (a disk that fills up takes what fits and
      // says ENOSPC on the next call): write until all are in, so a short file never gets the name.
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
