import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromiumBinary, electronBinary, launchKind } from './launch';

/** Says loudly how the e2e tests run — or that they cannot. */
export default function setup(): (() => void) | void {
  const root = resolve(import.meta.dirname, '../..');
  for (const file of ['out/main/web-host.js', 'out/main/index.js', 'out/renderer/index.html']) {
    if (!existsSync(join(root, file))) throw new Error(`${file} is missing: run \`npm run build\` first (npm run test:e2e does).`);
  }
  const kind = launchKind();
  const line = '='.repeat(78);
  if (kind === 'electron') {
    console.log(`\n${line}\nE2E: real Electron (${electronBinary()})\n${line}\n`);
    // The app's better-sqlite3 must match Electron's ABI while Electron runs, and Node's afterwards.
    execSync('npx electron-builder install-app-deps', { cwd: root, stdio: 'inherit' });
    return () => execSync('node test/support/native-for-node.mjs', { cwd: root, stdio: 'inherit' });
  }
  else if (kind === 'chromium') console.log(`\n${line}\nE2E: no Electron binary here — web host + headless Chromium (${chromiumBinary()})\n${line}\n`);
  else {
    console.log(`\n${line}\n${line}\nE2E SKIPPED: neither the Electron binary nor Chromium is installed.\nInstall chromium (apt-get install chromium) or set CHROMIUM_PATH.\n${line}\n${line}\n`);
    if (process.env.CI) throw new Error('E2E cannot run in CI without a browser');
  }
}
