import { apiError, defaultMessages, type ApiError, type ErrorCode, type LocalizedText } from '../../shared/contract';

/** A failure the user should be told about, with its code and a message in Chinese and English. */
export class CoreError extends Error {
  readonly code: ErrorCode;
  readonly text: LocalizedText;
  readonly issues: ApiError['issues'];

  constructor(code: ErrorCode, text?: LocalizedText, issues?: ApiError['issues']) {
    super(`${code}: ${(text ?? defaultMessages[code]).en}`);
    this.name = 'CoreError';
    this.code = code;
    this.text = text ?? defaultMessages[code];
    this.issues = issues;
  }

  toApiError(): ApiError {
    return apiError(this.code, this.text, this.issues);
  }
}

/** SQLite result codes (better-sqlite3 puts them on `error.code`) that people can act on. */
const sqliteCodes: Record<string, ErrorCode> = {
  SQLITE_BUSY: 'BUSY',
  SQLITE_LOCKED: 'BUSY',
  SQLITE_FULL: 'DISK_FULL',
  SQLITE_READONLY: 'READ_ONLY',
  SQLITE_READONLY_DBMOVED: 'READ_ONLY',
  SQLITE_CANTOPEN: 'READ_ONLY',
  SQLITE_CORRUPT: 'DATABASE_CORRUPT',
  SQLITE_NOTADB: 'DATABASE_CORRUPT',
  SQLITE_IOERR: 'DISK_FULL',
};

const nodeCodes: Record<string, ErrorCode> = {
  ENOSPC: 'DISK_FULL',
  EDQUOT: 'DISK_FULL',
  EROFS: 'READ_ONLY',
  EACCES: 'READ_ONLY',
  EPERM: 'READ_ONLY',
};

/** Turns anything thrown into the typed error the caller receives. Never leaks a stack trace. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof CoreError) return error.toApiError();
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  const mapped = sqliteCodes[code] ?? sqliteCodes[code.replace(/_[A-Z]+$/, '')] ?? nodeCodes[code];
  return apiError(mapped ?? 'INTERNAL');
}

export function notFound(what: LocalizedText): CoreError {
  return new CoreError('NOT_FOUND', { zh: `没有找到${what.zh}。`, en: `${what.en} was not found.` });
}
