// Pure (no `vscode`): how git should run Campaign's merge driver from this
// extension — its own CLI bundle with `node` from PATH, or, where there is no
// node on PATH, with the editor's own runtime as node (ELECTRON_RUN_AS_NODE) —
// and whether a configured driver command runs some install of this
// extension (an older version's folder, after an update).
import { statSync } from 'node:fs';
import { basename, delimiter, join, sep } from 'node:path';
import type { DriverRuntime } from '../core/merge/gitSetup';

/** Whether an executable called `name` is on PATH (with PATHEXT's extensions on Windows). */
export function onPath(name: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): boolean {
  const dirs = (env.PATH ?? env.Path ?? '').split(platform === 'win32' ? ';' : delimiter).filter(Boolean);
  const exts = platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT;.COM').split(';').filter(Boolean) : [''];
  for (const dir of dirs) {
    for (const ext of exts) {
      try {
        const stat = statSync(join(dir, name + ext));
        if (stat.isFile() && (platform === 'win32' || (stat.mode & 0o111) !== 0)) return true;
      } catch {
        // not here
      }
    }
  }
  return false;
}

/** The driver's runtime for the extension installed at `extensionPath`. */
export function driverRuntime(extensionPath: string, env: NodeJS.ProcessEnv = process.env, execPath = process.execPath): DriverRuntime {
  const cliPath = join(extensionPath, 'dist', 'cli.js');
  return onPath('node', env) ? { cliPath } : { cliPath, nodePath: execPath, electronRunAsNode: true };
}

/** The configured driver command runs this install of the extension, or another version of it. */
export function runsThisExtension(driver: string, extensionPath: string): boolean {
  if (driver.includes(extensionPath)) return true;
  // Installed extensions live in `publisher.name-1.2.3` folders: any version counts.
  const folder = basename(extensionPath);
  const family = folder.replace(/-\d+\.\d+\.\d+[^/\\]*$/, '-');
  return family !== folder && driver.includes(`${sep}${family}`);
}
