import type { Migration } from '../migrate';
import { m0001 } from './0001-users-settings';
import { m0002 } from './0002-audit-log';
import { m0003 } from './0003-divisions';
import { m0004 } from './0004-jobs';
import { m0005 } from './0005-martyrs';
import { m0006 } from './0006-attachments';
import { m0007 } from './0007-import-mappings';
import { m0008 } from './0008-martyr-merges';
import { m0009 } from './0009-search-order';
import { m0010 } from './0010-households-plaques';
import { m0011 } from './0011-awards-letters';
import { m0012 } from './0012-issued-documents';
import { m0013 } from './0013-plaque-number-nocase';
import { m0014 } from './0014-integrity-checks';

/**
 * Every migration, in order. Append new ones; never edit or reorder a shipped one.
 * `npm run schema` regenerates resources/db/schema.sql, the present schema in one file.
 */
export const migrations: readonly Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0008, m0009, m0010, m0011, m0012, m0013, m0014];
