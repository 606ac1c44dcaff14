/**
 * The application menu, in Chinese. Roles give the native behaviour and the usual shortcuts
 * (Ctrl+Z, Ctrl+C, Ctrl+0, F11 …). Reload and the developer tools exist only in development:
 * without a menu item there is no Ctrl+R / Ctrl+Shift+I in the packaged app.
 */
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuOptions {
  /** !app.isPackaged */
  dev: boolean;
  onAbout: () => void;
}

export function applicationMenuTemplate({ dev, onAbout }: MenuOptions): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    ...(dev
      ? ([
          { role: 'reload', label: '重新加载' },
          { role: 'toggleDevTools', label: '开发者工具' },
          { type: 'separator' },
        ] satisfies MenuItemConstructorOptions[])
      : []),
    { role: 'resetZoom', label: '实际大小' },
    { role: 'zoomIn', label: '放大' },
    { role: 'zoomOut', label: '缩小' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: '全屏' },
  ];
  return [
    { label: '文件(&F)', submenu: [{ role: 'quit', label: '退出' }] },
    {
      label: '编辑(&E)',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { type: 'separator' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    { label: '视图(&V)', submenu: view },
    { label: '帮助(&H)', submenu: [{ label: '关于 光荣 Guangrong', click: () => onAbout() }] },
  ];
}
