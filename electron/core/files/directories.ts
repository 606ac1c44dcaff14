/**
 * `mkdir -p` whose failure names its real cause. Node's recursive mkdir answers ENOENT when the
 * disk is read-only (a write-protected USB stick), which would reach the user as an internal
 * error; on ENOENT the nearest existing parent is asked whether it can be written, and its
 * EROFS / EACCES is thrown instead (mapped to READ_ONLY by errors.ts).
 */
import { accessSync, constants, existsSync, mkdirSync, promises as fsp } from 'node:fs';
import { dirname } from 'node:path';

function throwWhyNotWritable(dir: string): void {
  let parent = dirname(dir);
  while (parent !== dirname(parent) && !existsSync(parent)) parent = dirname(parent);
  accessSync(parent, constants.W_OK);
}

export function makeDirectorySync(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throwWhyNotWritable(dir);
    throw error;
  }
}

export async function makeDirectory(dir: string): Promise<void> {
  try {
    await fsp.mkdir(dir, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throwWhyNotWritable(dir);
    throw error;
  }
}
