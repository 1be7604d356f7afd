// Finding the `copydesk` binary. No `vscode` import: unit-tested under plain Node.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export type Resolution =
  | { ok: true; path: string; from: "setting" | "PATH" | "cargo" }
  | { ok: false; message: string };

export interface Environment {
  /** Value of PATH. */
  pathVar: string | undefined;
  /** Home directory, for `~` and `~/.cargo/bin`. */
  home: string;
  /** First workspace folder's file-system path, for `${workspaceFolder}`. */
  workspaceFolder: string | undefined;
  platform: NodeJS.Platform;
  /** Whether `file` exists and can be run. */
  isExecutable: (file: string) => boolean;
}

export const INSTALL_HINT =
  "Install it with `cargo install --path .` in a copydesk checkout (or put a release build on your PATH), " +
  "or set `copydesk.server.path` to the binary.";

export function defaultEnvironment(workspaceFolder: string | undefined): Environment {
  return {
    pathVar: process.env.PATH,
    home: os.homedir(),
    workspaceFolder,
    platform: process.platform,
    isExecutable,
  };
}

export function isExecutable(file: string): boolean {
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) {
      return false;
    }
    if (process.platform === "win32") {
      return true;
    }
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Expands `~`, `${userHome}` and `${workspaceFolder}` in a configured path. */
export function expandPath(configured: string, env: Environment): string {
  let p = configured.trim();
  if (p === "~" || p.startsWith("~/") || p.startsWith("~\\")) {
    p = env.home + p.slice(1);
  }
  p = p.split("${userHome}").join(env.home);
  if (env.workspaceFolder !== undefined) {
    p = p.split("${workspaceFolder}").join(env.workspaceFolder);
  }
  return p;
}

function exeNames(env: Environment): string[] {
  return env.platform === "win32" ? ["copydesk.exe", "copydesk"] : ["copydesk"];
}

/**
 * Where to run the server from: the configured path if one is set (and then only
 * that), else the first `copydesk` on PATH, else `~/.cargo/bin/copydesk`.
 */
export function resolveServer(configured: string | undefined, env: Environment): Resolution {
  if (configured !== undefined && configured.trim() !== "") {
    const expanded = expandPath(configured, env);
    if (expanded.includes("${workspaceFolder}")) {
      return {
        ok: false,
        message: `copydesk.server.path is "${configured}", but no folder is open to expand \${workspaceFolder}.`,
      };
    }
    const candidate = path.isAbsolute(expanded) || env.workspaceFolder === undefined
      ? expanded
      : path.join(env.workspaceFolder, expanded);
    if (env.isExecutable(candidate)) {
      return { ok: true, path: candidate, from: "setting" };
    }
    return {
      ok: false,
      message: `copydesk.server.path is "${configured}", but ${candidate} is not an executable file. ` +
        "Fix the setting, or clear it to use `copydesk` from your PATH.",
    };
  }
  const sep = env.platform === "win32" ? ";" : ":";
  for (const dir of (env.pathVar ?? "").split(sep)) {
    if (dir === "") {
      continue;
    }
    for (const name of exeNames(env)) {
      const candidate = path.join(dir, name);
      if (env.isExecutable(candidate)) {
        return { ok: true, path: candidate, from: "PATH" };
      }
    }
  }
  for (const name of exeNames(env)) {
    const candidate = path.join(env.home, ".cargo", "bin", name);
    if (env.isExecutable(candidate)) {
      return { ok: true, path: candidate, from: "cargo" };
    }
  }
  return {
    ok: false,
    message: "The copydesk language server was not found: there is no `copydesk` on your PATH. " + INSTALL_HINT,
  };
}
