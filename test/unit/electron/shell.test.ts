import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { CoreError } from '../../../electron/core/errors';
import { aboutText, startupErrorText } from '../../../electron/shell/dialogs';
import { applicationMenuTemplate } from '../../../electron/shell/menu';

const root = join(import.meta.dirname, '../../..');

function labels(items: MenuItemConstructorOptions[] | undefined): string[] {
  return (items ?? []).flatMap((item) => (item.label ? [item.label] : []));
}

describe('application menu', () => {
  const submenu = (template: MenuItemConstructorOptions[], title: string) =>
    template.find((item) => item.label?.startsWith(title))?.submenu as MenuItemConstructorOptions[] | undefined;

  it('is in Chinese: 文件 / 编辑 / 视图 / 帮助', () => {
    const template = applicationMenuTemplate({ dev: false, onAbout: () => {} });
    expect(labels(template).map((l) => l.replace(/\(&.\)$/, ''))).toEqual(['文件', '编辑', '视图', '帮助']);
    expect(labels(submenu(template, '编辑'))).toEqual(['撤销', '重做', '剪切', '复制', '粘贴', '全选']);
  });

  it('offers reload and developer tools only in development', () => {
    const packaged = applicationMenuTemplate({ dev: false, onAbout: () => {} });
    expect(labels(submenu(packaged, '视图'))).toEqual(['实际大小', '放大', '缩小', '全屏']);
    expect(JSON.stringify(packaged)).not.toMatch(/reload|toggleDevTools/i);
    const dev = applicationMenuTemplate({ dev: true, onAbout: () => {} });
    expect(labels(submenu(dev, '视图'))).toEqual(['重新加载', '开发者工具', '实际大小', '放大', '缩小', '全屏']);
  });

  it('帮助 → 关于 calls onAbout', () => {
    const onAbout = vi.fn();
    const about = submenu(applicationMenuTemplate({ dev: false, onAbout }), '帮助')?.[0];
    expect(about?.label).toContain('关于');
    (about?.click as () => void)();
    expect(onAbout).toHaveBeenCalledOnce();
  });
});

describe('dialog texts', () => {
  it('a CoreError from createCore is shown Chinese first, English below', () => {
    const error = new CoreError('DATABASE_TOO_NEW');
    const text = startupErrorText(error, '/data');
    expect(text.content).toBe(`${error.text.zh}\n\n${error.text.en}`);
    expect(text.content.indexOf('数据库')).toBeLessThan(text.content.indexOf('database'));
  });

  it('anything else still gets a message in both languages with the data folder', () => {
    const text = startupErrorText(new Error('boom'), 'E:\\GuangrongData');
    expect(text.content).toMatch(/^启动时发生意外错误/);
    expect(text.content).toContain('E:\\GuangrongData');
    expect(text.content).toContain('boom');
    expect(text.content.indexOf('数据文件夹')).toBeLessThan(text.content.indexOf('Data folder'));
  });

  it('the About box names the version, the data folder and portable mode', () => {
    const text = aboutText({ version: '0.1.0', dataDir: 'E:\\GuangrongData', portable: true });
    expect(text.content).toContain('0.1.0');
    expect(text.content).toContain('便携模式');
    expect(text.content).toContain('portable mode');
  });
});

describe('the main process never starts the web host', () => {
  const importsOf = (file: string) =>
    [...readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)].map((m) => m[1]!);

  /** Every source file main.ts reaches through relative imports. */
  function reachable(entry: string): Set<string> {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const specifier of importsOf(file)) {
        if (!specifier.startsWith('.')) continue;
        const base = resolve(dirname(file), specifier);
        const target = [`${base}.ts`, join(base, 'index.ts'), base].find((candidate) => existsSync(candidate) && candidate.endsWith('.ts'));
        if (target) visit(target);
      }
    };
    visit(entry);
    return seen;
  }

  it('no module reachable from electron/main.ts is the web host', () => {
    const files = [...reachable(join(root, 'electron/main.ts'))].map((f) => relative(root, f));
    expect(files).toContain('electron/ipc.ts');
    expect(files).toContain('electron/core/index.ts');
    expect(files.filter((f) => /web-host/.test(f))).toEqual([]);
  });
});
