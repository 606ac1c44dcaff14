/**
 * Texts of the shell's native dialogs: Chinese first, English below. Pure, so they are tested;
 * main.ts shows them with Electron's dialog module.
 */
export interface DialogText {
  title: string;
  content: string;
}

interface LocalizedMessage {
  zh: string;
  en: string;
}

function localizedTextOf(error: unknown): LocalizedMessage | null {
  if (typeof error !== 'object' || error === null || !('text' in error)) return null;
  const text = (error as { text: unknown }).text;
  if (typeof text !== 'object' || text === null) return null;
  const { zh, en } = text as Record<string, unknown>;
  return typeof zh === 'string' && typeof en === 'string' ? { zh, en } : null;
}

/**
 * The message when the data cannot be opened (a CoreError from createCore: database too new,
 * damaged, read-only folder) or anything else fails at start. The application then quits: it
 * never starts on a blank new database instead.
 */
export function startupErrorText(error: unknown, dataDir: string): DialogText {
  const title = '光荣 Guangrong 无法启动 / cannot start';
  const text = localizedTextOf(error);
  if (text) return { title, content: `${text.zh}\n\n${text.en}` };
  const detail = error instanceof Error ? error.message : String(error);
  return {
    title,
    content:
      `启动时发生意外错误，程序将退出。数据未被改动。\n数据文件夹：${dataDir}\n\n` +
      `An unexpected error stopped the start; the application will quit. No data was changed.\nData folder: ${dataDir}\n\n${detail}`,
  };
}

export function aboutText(info: { version: string; dataDir: string; portable: boolean }): DialogText & { message: string } {
  return {
    title: '关于 光荣 Guangrong',
    message: '光荣 Guangrong',
    content:
      `退役军人事务离线档案系统\n版本 ${info.version}\n数据文件夹：${info.dataDir}${info.portable ? '（便携模式）' : ''}\n\n` +
      `Offline records for veterans-affairs offices\nVersion ${info.version}\nData folder: ${info.dataDir}${info.portable ? ' (portable mode)' : ''}`,
  };
}
