import type { Job } from '../../../shared/contract';
import type { UserRecord } from '../db/users';
import type { Session } from '../sessions';

/**
 * What the core host (backup/host.ts, through encryption/hostSide.ts) does for the set-up
 * handlers: they check who asks and what was typed; the host holds the recovery key in memory
 * between the two steps and closes and reopens the core around the database's rekey.
 */
export interface EncryptionHooks {
  /** Step 1: a new recovery key for this session (nothing written); its text, shown once. */
  prepare(session: Session, user: UserRecord): string;
  /** The recovery key prepared for this session and not used yet. */
  pending(session: Session): string | null;
  /** Step 2: key file, rekey, reopen (the session signed in again), then the sealing job. */
  enable(session: Session, user: UserRecord, password: string): Promise<Job>;
}
