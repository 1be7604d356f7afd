import { execFile } from "node:child_process";
import * as vscode from "vscode";
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  State,
  TransportKind,
} from "vscode-languageclient/node";
import { defaultEnvironment, resolveServer } from "./binary";
import { mergeEdits, type PlainEdit } from "./fixes";
import { CODES, serverSettings, settingsProblems, type ServerSettings } from "./settings";

const SECTION = "copydesk";
const SOURCE = "copydesk";

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;
let serverPath: string | undefined;
let pathSetting: string | undefined;
/** The last reason the server could not run, shown to the user; cleared when it starts. */
let problem: string | undefined;
let restartTimer: NodeJS.Timeout | undefined;

function log(line: string): void {
  output.appendLine(`[client] ${line}`);
}

function workspaceFolderPath(): string | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder?.uri.scheme === "file" ? folder.uri.fsPath : undefined;
}

function settingsFor(scope?: vscode.ConfigurationScope): ServerSettings {
  const cfg = vscode.workspace.getConfiguration(SECTION, scope);
  return serverSettings((key) => cfg.get(key));
}

function configuredServerPath(): string {
  const cfg = vscode.workspace.getConfiguration(SECTION);
  if (!vscode.workspace.isTrusted) {
    // restrictedConfigurations: only the user's own value counts in an untrusted folder
    return cfg.inspect<string>("server.path")?.globalValue ?? "";
  }
  return cfg.get<string>("server.path") ?? "";
}

function serverVersion(path: string): Promise<string> {
  return new Promise((resolve) => {
    execFile(path, ["--version"], { timeout: 5000 }, (err, stdout) => {
      resolve(err ? `unknown (${err.message})` : stdout.trim());
    });
  });
}

async function reportMissing(message: string): Promise<void> {
  problem = message;
  log(message);
  const choice = await vscode.window.showErrorMessage(message, "Open Settings", "Show Output");
  if (choice === "Open Settings") {
    await vscode.commands.executeCommand("workbench.action.openSettings", "copydesk.server.path");
  } else if (choice === "Show Output") {
    output.show(true);
  }
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  pathSetting = configuredServerPath();
  const resolution = resolveServer(pathSetting, defaultEnvironment(workspaceFolderPath()));
  if (!resolution.ok) {
    serverPath = undefined;
    const seen = vscode.workspace.getConfiguration(SECTION).inspect<string>("server.path");
    log(`server.path as configured: ${JSON.stringify(seen ?? null)}`);
    void reportMissing(resolution.message);
    return;
  }
  serverPath = resolution.path;
  problem = undefined;
  log(`server: ${resolution.path} (from ${resolution.from}), version ${await serverVersion(resolution.path)}`);
  for (const problem of settingsProblems((key) => vscode.workspace.getConfiguration(SECTION).get(key))) {
    log(`settings: ${problem}`);
  }

  const serverOptions: ServerOptions = {
    command: resolution.path,
    args: ["lsp"],
    transport: TransportKind.stdio,
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: "markdown", scheme: "file" },
      { language: "markdown", scheme: "untitled" },
      { language: "plaintext", scheme: "file" },
      { language: "plaintext", scheme: "untitled" },
    ],
    diagnosticCollectionName: SOURCE,
    outputChannel: output,
    initializationOptions: settingsFor(),
    middleware: {
      workspace: {
        // Answer workspace/configuration for our section with the server's view of
        // the settings (per resource), never the client-only keys.
        configuration: async (params, token, next) => {
          const items = params.items;
          const ours = items.map((item) => item.section === SECTION);
          if (!ours.some(Boolean)) {
            return next(params, token);
          }
          const fallback = await next(params, token);
          const others: unknown[] = Array.isArray(fallback) ? (fallback as unknown[]) : [];
          return items.map((item, i): unknown => {
            if (!ours[i]) {
              return others[i] ?? null;
            }
            const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
            return settingsFor(scope);
          });
        },
      },
    },
  };
  client = new LanguageClient("copydesk", "copydesk", serverOptions, clientOptions);
  try {
    await client.start();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    log(`the server did not start: ${message}`);
    problem = `the language server at ${resolution.path} did not start (${message})`;
    void vscode.window
      .showErrorMessage(`copydesk: the language server at ${resolution.path} did not start (${message}).`, "Show Output")
      .then((choice) => {
        if (choice) {
          output.show(true);
        }
      });
    return;
  }
  context.subscriptions.push({ dispose: () => void client?.stop() });
}

async function stopClient(): Promise<void> {
  const c = client;
  client = undefined;
  if (c && c.state !== State.Stopped) {
    try {
      await c.stop();
    } catch (err) {
      log(`stopping the server failed: ${String(err)}`);
    }
  }
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
  log("restarting the server");
  await stopClient();
  await startClient(context);
}

function pushSettings(): void {
  if (client?.state === State.Running) {
    void client.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { [SECTION]: settingsFor() },
    });
  }
}

interface FixAllArgs {
  code?: string;
  title?: string;
  uri?: string;
}

function toPlain(edit: vscode.TextEdit): PlainEdit {
  return {
    start: { line: edit.range.start.line, character: edit.range.start.character },
    end: { line: edit.range.end.line, character: edit.range.end.character },
    newText: edit.newText,
  };
}

/**
 * Applies one quick fix to every copydesk diagnostic of one check in a draft, as
 * a single undoable edit. Interactive without arguments; `{code, title, uri}` run
 * it without prompts (no title: the fix offered in the most places). Resolves to
 * the number of edits applied.
 */
async function applyAllFixes(args?: FixAllArgs): Promise<number> {
  const doc = args?.uri
    ? await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri))
    : vscode.window.activeTextEditor?.document;
  if (!doc) {
    void vscode.window.showInformationMessage("copydesk: open a draft first.");
    return 0;
  }
  const ours = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === SOURCE);
  const codeOf = (d: vscode.Diagnostic): string =>
    typeof d.code === "object" ? String(d.code.value) : String(d.code ?? "");
  let code = args?.code;
  if (code === undefined) {
    const counts = new Map<string, number>();
    for (const d of ours) {
      counts.set(codeOf(d), (counts.get(codeOf(d)) ?? 0) + 1);
    }
    if (counts.size === 0) {
      void vscode.window.showInformationMessage("copydesk: nothing to fix in this draft.");
      return 0;
    }
    const picked = await vscode.window.showQuickPick(
      [...counts].map(([c, n]) => ({ label: c, description: `${n} finding${n === 1 ? "" : "s"}` })),
      { placeHolder: "Fix every finding of which check?" },
    );
    if (!picked) {
      return 0;
    }
    code = picked.label;
  }
  const targets = ours.filter((d) => codeOf(d) === code);
  const byTitle = new Map<string, vscode.TextEdit[][]>();
  for (const diag of targets) {
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[] | undefined>(
      "vscode.executeCodeActionProvider",
      doc.uri,
      diag.range,
      vscode.CodeActionKind.QuickFix.value,
      50,
    );
    const seenTitles = new Set<string>();
    for (const action of actions ?? []) {
      if (!("edit" in action) || !action.edit) {
        continue;
      }
      const forThis = action.diagnostics === undefined ||
        action.diagnostics.some((d) => codeOf(d) === code && d.range.isEqual(diag.range));
      if (!forThis || seenTitles.has(action.title)) {
        continue;
      }
      seenTitles.add(action.title);
      const edits = action.edit.get(doc.uri);
      const list = byTitle.get(action.title) ?? [];
      list.push(edits);
      byTitle.set(action.title, list);
    }
  }
  if (byTitle.size === 0) {
    void vscode.window.showInformationMessage(`copydesk: no automatic fix for ${code} in this draft.`);
    return 0;
  }
  // fixes that apply in the most places first (a stable sort keeps the server's order)
  const ranked = [...byTitle].sort((a, b) => b[1].length - a[1].length);
  let title = args?.title;
  if (title === undefined) {
    if (ranked.length === 1 || args) {
      title = ranked[0][0];
    } else {
      const picked = await vscode.window.showQuickPick(
        ranked.map(([t, l]) => ({ label: t, description: `${l.length} place${l.length === 1 ? "" : "s"}` })),
        { placeHolder: `Which fix for ${code}?` },
      );
      if (!picked) {
        return 0;
      }
      title = picked.label;
    }
  }
  const chosen = byTitle.get(title) ?? [];
  const { kept, skipped } = mergeEdits(chosen.flat().map(toPlain));
  if (kept.length === 0) {
    return 0;
  }
  const we = new vscode.WorkspaceEdit();
  for (const e of kept) {
    we.replace(
      doc.uri,
      new vscode.Range(e.start.line, e.start.character, e.end.line, e.end.character),
      e.newText,
    );
  }
  const ok = await vscode.workspace.applyEdit(we);
  const note = skipped > 0 ? ` (${skipped} overlapping edit${skipped === 1 ? "" : "s"} left for a second run)` : "";
  log(`apply all fixes: "${title}" for ${code}: ${ok ? kept.length : 0} edits${note}`);
  if (!args) {
    void vscode.window.showInformationMessage(`copydesk: applied "${title}" in ${kept.length} place${kept.length === 1 ? "" : "s"}${note}.`);
  }
  return ok ? kept.length : 0;
}

/** What the extension exports (for other extensions and tests). */
export interface CopydeskApi {
  /** The binary in use, if the server was started. */
  serverPath: () => string | undefined;
  /** Why the server is not running, as told to the user, if it is not. */
  problem: () => string | undefined;
  codes: readonly string[];
}

export async function activate(context: vscode.ExtensionContext): Promise<CopydeskApi> {
  output = vscode.window.createOutputChannel("copydesk");
  context.subscriptions.push(output);
  context.subscriptions.push(
    vscode.commands.registerCommand("copydesk.restartServer", () => restart(context)),
    vscode.commands.registerCommand("copydesk.showOutput", () => output.show(true)),
    vscode.commands.registerCommand("copydesk.applyAllFixes", (args?: FixAllArgs) => applyAllFixes(args)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(SECTION)) {
        return;
      }
      if (e.affectsConfiguration(`${SECTION}.server.path`) && configuredServerPath() !== pathSetting) {
        // settings files are re-read in steps: restart once the value has settled
        if (restartTimer) {
          clearTimeout(restartTimer);
        }
        restartTimer = setTimeout(() => {
          restartTimer = undefined;
          if (configuredServerPath() !== pathSetting) {
            void restart(context);
          }
        }, 500);
      } else {
        pushSettings();
      }
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void restart(context)),
  );
  await startClient(context);
  return { serverPath: () => serverPath, problem: () => problem, codes: CODES };
}

export async function deactivate(): Promise<void> {
  await stopClient();
}
