import { describe, expect, it } from 'vitest';
import { resolveDataDir, type DataDirChoice } from '../../../electron/shell/dataDir';

type Case = {
  name: string;
  platform: 'win32' | 'linux';
  exePath: string;
  env?: Record<string, string | undefined>;
  existing?: string[];
  expected: DataDirChoice;
};

const winAppData = 'C:\\Users\\张三\\AppData\\Roaming';
const linuxAppData = '/home/zhang/.config';

const cases: Case[] = [
  {
    name: 'Windows install: the app-data folder',
    platform: 'win32',
    exePath: 'C:\\Program Files\\Guangrong\\Guangrong.exe',
    expected: { dataDir: 'C:\\Users\\张三\\AppData\\Roaming\\Guangrong', portable: false, reason: 'app-data' },
  },
  {
    name: 'Linux install: ~/.config/Guangrong',
    platform: 'linux',
    exePath: '/opt/Guangrong/guangrong',
    expected: { dataDir: '/home/zhang/.config/Guangrong', portable: false, reason: 'app-data' },
  },
  {
    name: 'electron-builder portable .exe: next to the .exe the user started, not the unpack folder',
    platform: 'win32',
    exePath: 'C:\\Users\\张三\\AppData\\Local\\Temp\\2abc\\Guangrong.exe',
    env: { PORTABLE_EXECUTABLE_DIR: 'E:\\光荣' },
    expected: { dataDir: 'E:\\光荣\\GuangrongData', portable: true, reason: 'portable-executable' },
  },
  {
    name: 'a file called portable next to the executable',
    platform: 'win32',
    exePath: 'E:\\Guangrong\\Guangrong.exe',
    existing: ['E:\\Guangrong\\portable'],
    expected: { dataDir: 'E:\\Guangrong\\GuangrongData', portable: true, reason: 'portable-marker' },
  },
  {
    name: 'portable.txt (Explorer hides the extension) counts too',
    platform: 'win32',
    exePath: 'E:\\Guangrong\\Guangrong.exe',
    existing: ['E:\\Guangrong\\portable.txt'],
    expected: { dataDir: 'E:\\Guangrong\\GuangrongData', portable: true, reason: 'portable-marker' },
  },
  {
    name: 'an existing GuangrongData folder next to the executable',
    platform: 'linux',
    exePath: '/media/zhang/STICK/guangrong/guangrong',
    existing: ['/media/zhang/STICK/guangrong/GuangrongData'],
    expected: { dataDir: '/media/zhang/STICK/guangrong/GuangrongData', portable: true, reason: 'portable-folder' },
  },
  {
    name: 'AppImage: the marker is looked for next to the .AppImage, not in its mount',
    platform: 'linux',
    exePath: '/tmp/.mount_GuangrXYZ/guangrong',
    env: { APPIMAGE: '/media/zhang/STICK/Guangrong-0.1.0-x86_64.AppImage' },
    existing: ['/media/zhang/STICK/portable'],
    expected: { dataDir: '/media/zhang/STICK/GuangrongData', portable: true, reason: 'portable-marker' },
  },
  {
    name: 'AppImage without a marker: app data',
    platform: 'linux',
    exePath: '/tmp/.mount_GuangrXYZ/guangrong',
    env: { APPIMAGE: '/home/zhang/Guangrong.AppImage' },
    existing: ['/tmp/.mount_GuangrXYZ/portable'],
    expected: { dataDir: '/home/zhang/.config/Guangrong', portable: false, reason: 'app-data' },
  },
  {
    name: 'GUANGRONG_DATA_DIR overrides everything, portable markers included',
    platform: 'linux',
    exePath: '/media/zhang/STICK/guangrong',
    env: { GUANGRONG_DATA_DIR: '/srv/guangrong-test', PORTABLE_EXECUTABLE_DIR: '/media/zhang/STICK' },
    existing: ['/media/zhang/STICK/portable'],
    expected: { dataDir: '/srv/guangrong-test', portable: false, reason: 'env-override' },
  },
  {
    name: 'GUANGRONG_DATA_DIR on Windows',
    platform: 'win32',
    exePath: 'C:\\Program Files\\Guangrong\\Guangrong.exe',
    env: { GUANGRONG_DATA_DIR: 'D:\\数据\\光荣' },
    expected: { dataDir: 'D:\\数据\\光荣', portable: false, reason: 'env-override' },
  },
  {
    name: 'empty or blank variables count as unset',
    platform: 'linux',
    exePath: '/opt/Guangrong/guangrong',
    env: { GUANGRONG_DATA_DIR: '', PORTABLE_EXECUTABLE_DIR: '  ', APPIMAGE: '' },
    expected: { dataDir: '/home/zhang/.config/Guangrong', portable: false, reason: 'app-data' },
  },
];

describe('resolveDataDir', () => {
  it.each(cases)('$name', ({ platform, exePath, env, existing, expected }) => {
    const present = new Set(existing ?? []);
    const result = resolveDataDir({
      appDataDir: platform === 'win32' ? winAppData : linuxAppData,
      exePath,
      env: env ?? {},
      exists: (path) => present.has(path),
      platform,
    });
    expect(result).toEqual(expected);
  });
});
