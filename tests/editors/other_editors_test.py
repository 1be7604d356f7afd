#!/usr/bin/env python3
"""Checks the Helix and Zed configurations documented in the README by starting
`copydesk lsp` the way each editor does: the command and arguments from the documented
config, Helix's `config` as initializationOptions plus didChangeConfiguration and answers
to workspace/configuration, Zed's initialization_options and workspace settings as the
editors/zed extension hands them over, and each editor's language ids.

    COPYDESK_BIN=target/release/copydesk python3 tests/editors/other_editors_test.py
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from lspclient import Client  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
BIN = Path(os.environ.get("COPYDESK_BIN", REPO / "target" / "release" / "copydesk")).resolve()
DOC = REPO / "README.md"

passed = failed = 0


def check(name, cond, detail=None):
    global passed, failed
    if cond:
        passed += 1
        print(f"ok - {name}", flush=True)
    else:
        failed += 1
        print(f"not ok - {name}" + (f": {detail}" if detail is not None else ""), flush=True)
    return cond


def section_blocks(title, lang):
    """Fenced `lang` blocks of the docs section headed `### title`."""
    text = DOC.read_text(encoding="utf-8")
    m = re.search(rf"^### {re.escape(title)}\n(.*?)(?=^#{{2,3}} |\Z)", text, re.S | re.M)
    assert m, f"no section {title} in {DOC}"
    return re.findall(rf"```{lang}\n(.*?)```", m.group(1), re.S)


def to_unit(line, char_col, enc):
    s = line[:char_col]
    if enc == "utf-8":
        return len(s.encode("utf-8"))
    if enc == "utf-32":
        return len(s)
    return len(s.encode("utf-16-le")) // 2


def expected_findings(path, date, enc, drop):
    r = subprocess.run([str(BIN), "check", "--format", "json", "--fail-on", "never", "--date", date, str(path)],
                       capture_output=True, text=True, timeout=60)
    lines = path.read_text(encoding="utf-8").split("\n")
    out = []
    for f in map(json.loads, filter(str.strip, r.stdout.splitlines())):
        if f["code"] in drop:
            continue
        out.append((f["code"], f["line"] - 1, to_unit(lines[f["line"] - 1], f["column"] - 1, enc),
                    f["end_line"] - 1, to_unit(lines[f["end_line"] - 1], f["end_column"] - 1, enc)))
    return sorted(out)


def got_findings(diags):
    return sorted((d.get("code"), d["range"]["start"]["line"], d["range"]["start"]["character"],
                   d["range"]["end"]["line"], d["range"]["end"]["character"]) for d in diags)


def lookup(config, section):
    """How Helix and Zed answer workspace/configuration: walk the dotted section."""
    v = config
    for part in (section or "").split("."):
        if not part:
            continue
        if not isinstance(v, dict) or part not in v:
            return None
        v = v[part]
    return v


def session(editor, argv, env, init_options, workspace_config, encodings, client_name, docs, tmp):
    """Runs one editor-like session over `docs` [(path, languageId)]; returns {path: diagnostics}."""
    c = Client(argv, env=env, configuration=lambda item: lookup(workspace_config, item.get("section")))
    caps = {
        "workspace": {"configuration": True, "didChangeConfiguration": {"dynamicRegistration": False},
                      "workspaceFolders": True, "applyEdit": True},
        "textDocument": {
            "synchronization": {"didSave": True},
            "publishDiagnostics": {"relatedInformation": True, "codeDescriptionSupport": True},
            "hover": {"contentFormat": ["markdown", "plaintext"]},
            "codeAction": {"codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["quickfix", "source"]}},
                           "resolveSupport": {"properties": ["edit"]}},
        },
    }
    if encodings:
        caps["general"] = {"positionEncodings": encodings}
    root = tmp.as_uri()
    res = {}
    try:
        init = c.request("initialize", {
            "processId": os.getpid(), "clientInfo": {"name": client_name}, "rootUri": root,
            "rootPath": str(tmp), "workspaceFolders": [{"uri": root, "name": tmp.name}],
            "initializationOptions": init_options, "capabilities": caps,
        })
        check(f"{editor}: `{' '.join(argv[1:])}` answers initialize as {init.get('serverInfo', {}).get('name')}",
              init and "capabilities" in init)
        enc = init["capabilities"].get("positionEncoding", "utf-16")
        c.notify("initialized", {})
        # both editors push their settings right after initialization
        c.notify("workspace/didChangeConfiguration", {"settings": workspace_config})
        for path, lang in docs:
            c.notify("textDocument/didOpen", {"textDocument": {
                "uri": path.as_uri(), "languageId": lang, "version": 1, "text": path.read_text(encoding="utf-8")}})
        for path, _ in docs:
            res[path] = (c.latest_diagnostics(path.as_uri(), settle=0.7) or [], enc)
    finally:
        c.close()
    return res


def run_editor(editor, argv, init_options, workspace_config, encodings, client_name, docs, tmp, severity):
    # the binary under test as `copydesk` on PATH, where the editors look for it
    bindir = tmp / "bin"
    bindir.mkdir(exist_ok=True)
    if not (bindir / "copydesk").exists():
        (bindir / "copydesk").symlink_to(BIN)
    env = dict(os.environ, PATH=f"{bindir}{os.pathsep}{os.environ.get('PATH', '')}")
    found = shutil.which(argv[0], path=env["PATH"]) if not os.path.isabs(argv[0]) else argv[0]
    if not check(f"{editor}: the documented command `{argv[0]}` is found", found is not None):
        return
    results = session(editor, [found] + argv[1:], env, init_options, workspace_config, encodings, client_name, docs, tmp)
    for path, lang in docs:
        diags, enc = results[path]
        exp = expected_findings(path, "2026-03-12", enc, drop={"undated-event"})
        check(f"{editor}: {path.name} as {lang!r} gets the CLI's findings less the disabled check ({enc})",
              exp and got_findings(diags) == exp, f"\n  CLI:    {exp}\n  server: {got_findings(diags)}")
        check(f"{editor}: {path.name}: the disabled check stays off",
              not any(d.get("code") == "undated-event" for d in diags))
        levels = {"error": 1, "warning": 2, "info": 3, "information": 3, "hint": 4}
        wanted = {code: levels[sev] for code, sev in severity.items()}
        touched = [d for d in diags if d.get("code") in wanted]
        check(f"{editor}: {path.name}: the documented severities apply ({', '.join(f'{c}={s}' for c, s in severity.items())})",
              touched and all(d.get("severity") == wanted[d["code"]] for d in touched),
              [(d.get("code"), d.get("severity")) for d in diags])
        rel = [d for d in diags if d.get("code") == "relative-date"]
        if rel:
            check(f"{editor}: {path.name}: relative dates resolve with referenceDate",
                  any("March" in d["message"] or "2026-03" in d["message"] for d in rel), rel)
        else:
            print(f"skip - {editor}: {path.name}: referenceDate: this build of copydesk reports no relative dates")


def main():
    if not BIN.exists():
        print(f"not ok - copydesk binary missing at {BIN}\nother editors: 0 passed, 1 failed")
        return 1
    tmp = Path(tempfile.mkdtemp(prefix="copydesk-editors-"))
    text = tmp / "warehouse.txt"
    shutil.copy(REPO / "tests" / "editors" / "fixtures" / "warehouse.txt", text)
    md = tmp / "warehouse.md"
    shutil.copy(text, md)

    # Helix: languages.toml from the docs
    helix = tomllib.loads(section_blocks("Helix", "toml")[0])
    server = helix["language-server"]["copydesk"]
    langs = {l["name"]: l for l in helix["language"]}
    check("Helix: copydesk is attached to markdown and text",
          all("copydesk" in langs.get(n, {}).get("language-servers", []) for n in ("markdown", "text")))
    check("Helix: the text language catches .txt files", "txt" in langs["text"].get("file-types", []))
    config = server.get("config", {})
    run_editor("Helix", [server["command"], *server.get("args", [])], config, config,
               ["utf-8", "utf-32", "utf-16"], "helix",
               [(md, langs["markdown"].get("language-id", "markdown")), (text, langs["text"].get("language-id", "text"))],
               tmp, config["copydesk"]["severity"])

    # Zed: settings.json from the docs + editors/zed (extension.toml and what src/lib.rs hands over)
    zed = json.loads(section_blocks("Zed", "json")[0])
    lsp = zed["lsp"]["copydesk"]
    ext = tomllib.loads((REPO / "editors" / "zed" / "extension.toml").read_text())
    ls = ext["language_servers"]["copydesk"]
    check("Zed: the extension serves Markdown and Plain Text", set(ls["languages"]) == {"Markdown", "Plain Text"})
    check("Zed: the languages are switched on in settings",
          all("copydesk" in zed["languages"][n]["language_servers"] for n in ("Markdown", "Plain Text")))
    ids = ls.get("language_ids", {})
    args = lsp.get("binary", {}).get("arguments", ["lsp"])
    # the documented binary.path is the user's own; run the one under test in its place
    settings = lsp.get("settings", {})
    workspace = settings if "copydesk" in settings else {"copydesk": settings}  # as_section() in src/lib.rs
    run_editor("Zed", [str(BIN), *args], lsp.get("initialization_options"), workspace, None, "Zed",
               [(md, ids.get("Markdown", "Markdown")), (text, ids.get("Plain Text", "Plain Text"))], tmp,
               settings["severity"])

    print(f"other editors: {passed} passed, {failed} failed")
    shutil.rmtree(tmp, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
