/** Whole files written so that a crash leaves the old one or the new one, never half of either. */
import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';

/** Writes `bytes` to a temp file beside `target`, fsyncs it, and renames it over `target`. */
export function writeFileDurably(target: string, bytes: Uint8Array): void {
  const temp = `${target}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, target);
}
