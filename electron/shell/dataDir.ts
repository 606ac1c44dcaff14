/**
 * Where the data lives (DESIGN.md §4): the user's app-data folder by default; next to the
 * executable in portable mode, so a USB stick carries program and data between offices.
 * Pure: the caller passes the paths, the environment and a file-existence check.
 */
import { posix, win32 } from 'node:path';

export const DATA_FOLDER_NAME = 'Guangrong';
export const PORTABLE_DATA_FOLDER_NAME = 'GuangrongData';
/** Marker files next to the executable that switch portable mode on. Windows Explorer hides
 *  extensions, so someone creating a text file called "portable" gets portable.txt. */
export const PORTABLE_MARKERS = ['portable', 'portable.txt'] as const;

export interface DataDirInput {
  /** app.getPath('appData'): %APPDATA% on Windows, ~/.config on Linux. */
  appDataDir: string;
  /** process.execPath. */
  exePath: string;
  env: Record<string, string | undefined>;
  exists: (path: string) => boolean;
  /** Which path rules to apply; defaults to the running platform. */
  platform?: NodeJS.Platform;
}

export interface DataDirChoice {
  dataDir: string;
  portable: boolean;
  /** Why this folder: shown in the About box and useful in support calls. */
  reason: 'env-override' | 'portable-executable' | 'portable-marker' | 'portable-folder' | 'app-data';
}

function envValue(env: Record<string, string | undefined>, name: string): string | null {
  const value = env[name]?.trim();
  return value ? value : null;
}

/**
 * In order:
 * 1. GUANGRONG_DATA_DIR (tests, administrators) — used as given (made absolute);
 * 2. PORTABLE_EXECUTABLE_DIR (set by electron-builder's Windows portable target: the folder of the
 *    .exe the user started, not the temporary folder it unpacks to) → <that>/GuangrongData;
 * 3. a file `portable` / `portable.txt` or a folder `GuangrongData` next to the executable (for an
 *    AppImage: next to the .AppImage file, $APPIMAGE, not inside its mount) → <exeDir>/GuangrongData;
 * 4. otherwise <appData>/Guangrong.
 */
export function resolveDataDir(input: DataDirInput): DataDirChoice {
  const path = (input.platform ?? process.platform) === 'win32' ? win32 : posix;
  const { env, exists } = input;

  const override = envValue(env, 'GUANGRONG_DATA_DIR');
  if (override) return { dataDir: path.resolve(override), portable: false, reason: 'env-override' };

  const portableExeDir = envValue(env, 'PORTABLE_EXECUTABLE_DIR');
  if (portableExeDir) return { dataDir: path.join(portableExeDir, PORTABLE_DATA_FOLDER_NAME), portable: true, reason: 'portable-executable' };

  const appImage = envValue(env, 'APPIMAGE');
  const exeDir = path.dirname(appImage ?? input.exePath);
  const portableDir = path.join(exeDir, PORTABLE_DATA_FOLDER_NAME);
  if (PORTABLE_MARKERS.some((marker) => exists(path.join(exeDir, marker)))) {
    return { dataDir: portableDir, portable: true, reason: 'portable-marker' };
  }
  if (exists(portableDir)) return { dataDir: portableDir, portable: true, reason: 'portable-folder' };

  return { dataDir: path.join(input.appDataDir, DATA_FOLDER_NAME), portable: false, reason: 'app-data' };
}
