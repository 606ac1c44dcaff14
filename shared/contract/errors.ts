import { z } from 'zod';
import type { LocalizedText } from './text';

/**
 * Every error the backend can answer with. The code is for programs; the message (Chinese and
 * English) is for people. A handler never answers with a stack trace.
 */
export const errorCodes = [
  'UNKNOWN_METHOD',
  'VALIDATION',
  'UNAUTHENTICATED',
  'SESSION_LOCKED',
  'FORBIDDEN',
  'SETUP_REQUIRED',
  'ALREADY_SET_UP',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'ACCOUNT_DISABLED',
  'PASSWORD_CHANGE_REQUIRED',
  'WEAK_PASSWORD',
  'NOT_FOUND',
  'CONFLICT',
  'BAD_FILE',
  'JOB_CANCELLED',
  'BUSY',
  'DISK_FULL',
  'READ_ONLY',
  'DATABASE_TOO_NEW',
  'DATABASE_CORRUPT',
  'DATA_LOCKED',
  'FILE_DAMAGED',
  'TRANSPORT',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** The default message of each code; handlers may give a more precise one. */
export const defaultMessages: Record<ErrorCode, LocalizedText> = {
  UNKNOWN_METHOD: { zh: '没有这个功能接口。', en: 'There is no such method.' },
  VALIDATION: { zh: '输入的内容不符合要求。', en: 'The input is not valid.' },
  UNAUTHENTICATED: { zh: '请先登录。', en: 'Please sign in first.' },
  SESSION_LOCKED: { zh: '长时间未操作，已锁定。请输入密码解锁。', en: 'Locked after a period of inactivity. Enter your password to unlock.' },
  FORBIDDEN: { zh: '您的角色没有执行此操作的权限。', en: 'Your role is not allowed to do this.' },
  SETUP_REQUIRED: { zh: '系统尚未初始化，请先创建管理员账户。', en: 'First start: create the administrator account first.' },
  ALREADY_SET_UP: { zh: '系统已经初始化，管理员账户已存在。', en: 'The administrator account already exists.' },
  INVALID_CREDENTIALS: { zh: '用户名或密码错误。', en: 'Wrong user name or password.' },
  ACCOUNT_LOCKED: { zh: '密码错误次数过多，账户已暂时锁定，请稍后再试。', en: 'Too many wrong passwords: the account is locked for a while. Try again later.' },
  ACCOUNT_DISABLED: { zh: '该账户已停用，请联系管理员。', en: 'This account is disabled. Ask the administrator.' },
  PASSWORD_CHANGE_REQUIRED: { zh: '请先修改初始密码。', en: 'Change your initial password first.' },
  WEAK_PASSWORD: { zh: '密码至少需要 8 个字符。', en: 'The password needs at least 8 characters.' },
  NOT_FOUND: { zh: '没有找到该记录。', en: 'The record was not found.' },
  CONFLICT: { zh: '与已有记录冲突。', en: 'This conflicts with an existing record.' },
  BAD_FILE: { zh: '文件无法读取或格式不正确，未写入任何数据。', en: 'The file cannot be read or is malformed; nothing was written.' },
  JOB_CANCELLED: { zh: '任务已取消，数据保持原样。', en: 'The job was cancelled; the data is as it was.' },
  BUSY: { zh: '数据库正忙，请稍后重试。', en: 'The database is busy; please try again.' },
  DISK_FULL: {
    zh: '磁盘空间不足，本次操作未保存，已有数据未受影响。请清理数据文件夹所在的磁盘（或换用空间更大的 U 盘）后重试。',
    en: 'The disk is full: nothing was saved and the existing data is untouched. Free some space on the data folder’s disk (or use a larger USB stick) and try again.',
  },
  READ_ONLY: {
    zh: '数据文件夹为只读，本次操作未保存，已有数据未受影响。请检查 U 盘的写保护开关或文件夹的权限后重试。',
    en: 'The data folder is read-only: nothing was saved and the existing data is untouched. Check the USB stick’s write-protect switch or the folder’s permissions and try again.',
  },
  DATABASE_TOO_NEW: { zh: '该数据库由更新版本的光荣创建，请先升级本软件。', en: 'This database was made by a newer version of Guangrong. Update the application first.' },
  DATABASE_CORRUPT: { zh: '数据库文件已损坏。', en: 'The database file is damaged.' },
  DATA_LOCKED: {
    zh: '数据已加密，尚未解锁。请输入管理员密码或恢复密钥解锁。',
    en: 'The data is encrypted and not unlocked yet. Unlock it with an administrator’s password or the recovery key.',
  },
  FILE_DAMAGED: {
    zh: '文件已损坏或被改动，无法读取。可在“系统管理 → 数据完整性”中检查，并从备份恢复。',
    en: 'The file is damaged or was altered and cannot be read. Check it under Administration → Data integrity and restore it from a backup.',
  },
  TRANSPORT: { zh: '与后台的连接出现问题。', en: 'The connection to the backend failed.' },
  INTERNAL: { zh: '系统内部错误，操作未完成，数据未改变。', en: 'Internal error: the operation did not complete and nothing was changed.' },
};

export const localizedTextSchema = z.object({ zh: z.string(), en: z.string() });

export const errorSchema = z.object({
  code: z.enum(errorCodes),
  message: localizedTextSchema,
  /** For VALIDATION: which field, and why. */
  issues: z.array(z.object({ path: z.string(), message: localizedTextSchema })).optional(),
});

export type ApiError = z.infer<typeof errorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function apiError(code: ErrorCode, message?: LocalizedText, issues?: ApiError['issues']): ApiError {
  return issues ? { code, message: message ?? defaultMessages[code], issues } : { code, message: message ?? defaultMessages[code] };
}
