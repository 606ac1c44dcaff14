import type { JobKind } from './context';
import { importDivisionsCsv, loadBuiltInDivisions } from '../divisions/load';

/**
 * Every kind of job, by name. Only the worker thread imports the implementations; the runner
 * needs the names alone. A new kind of long work is one entry here.
 */
export const jobKinds = {
  'divisions.importCsv': importDivisionsCsv as JobKind,
  'divisions.loadBuiltIn': loadBuiltInDivisions as JobKind,
} satisfies Record<string, JobKind>;

export type JobKindName = keyof typeof jobKinds;
