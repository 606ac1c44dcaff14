// Development and tests only (never built or shipped): runs a TypeScript worker entry, given as
// the worker's first argv, through tsx. Node 20 does not apply `--import tsx` to a worker's own
// entry file, so the built app runs out/main/job-worker.js directly and source runs come here.
import { argv } from 'node:process';
import { pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';

await tsImport(pathToFileURL(argv[2]).href, import.meta.url);
