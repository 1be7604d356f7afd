#!/usr/bin/env python3
"""End-to-end test of editors/vscode in real VS Code (code-server) driven by headless Chromium.

    COPYDESK_BIN=target/release/copydesk python3 tests/editors/vscode_test.py

Needs: the built extension (editors/vscode/copydesk.vsix, `npm run package`), code-server
installed by shared/tools/setup_code_server.sh (CODE_SERVER_PREFIX, default
~/.cache/copydesk-editors/code-server) and /usr/bin/chromium. A small driver extension
(tests/editors/vscode-driver) is installed beside copydesk; it opens the drafts, waits for
diagnostics, hovers, applies fixes and writes a JSON report that this script checks.
"""
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "editors" / "fixtures"
BIN = Path(os.environ.get("COPYDESK_BIN", REPO / "target" / "release" / "copydesk")).resolve()
PREFIX = Path(os.environ.get("CODE_SERVER_PREFIX", Path.home() / ".cache" / "copydesk-editors" / "code-server"))
ENTRY = PREFIX / "node_modules" / "code-server" / "out" / "node" / "entry.js"
VSIX = Path(os.environ.get("COPYDESK_VSIX", REPO / "editors" / "vscode" / "copydesk.vsix")).resolve()
VSCE = REPO / "editors" / "vscode" / "node_modules" / ".bin" / "vsce"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
TIMEOUT_S = float(os.environ.get("COPYDESK_E2E_TIMEOUT_S", "300"))

passed = 0
failed = 0


def check(name, cond, detail=None):
    global passed, failed
    if cond:
        passed += 1
        print(f"ok - {name}", flush=True)
    else:
        failed += 1
        extra = f": {detail}" if detail is not None else ""
        print(f"not ok - {name}{extra}", flush=True)
    return cond


def utf16_col(line: str, char_index: int) -> int:
    return len(line[:char_index].encode("utf-16-le")) // 2


def find(text: str, needle: str):
    """0-based line and UTF-16 column of the first occurrence."""
    for i, line in enumerate(text.split("\n")):
        j = line.find(needle)
        if j >= 0:
            return i, utf16_col(line, j), line
    raise AssertionError(f"{needle!r} not in fixture")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cli_findings(path: Path):
    r = subprocess.run([str(BIN), "check", "--format", "json", "--fail-on", "never", str(path)],
                       capture_output=True, text=True, timeout=60)
    return [json.loads(l) for l in r.stdout.splitlines() if l.strip()]


def compare_with_cli(name, draft: Path, diags):
    """CLI columns are 1-based Unicode scalar values; VS Code's are 0-based UTF-16 units."""
    lines = draft.read_text(encoding="utf-8").split("\n")

    def to16(line1, col1):
        return utf16_col(lines[line1 - 1], col1 - 1)

    expected = sorted((f["code"], f["line"] - 1, to16(f["line"], f["column"]), f["end_line"] - 1,
                       to16(f["end_line"], f["end_column"])) for f in cli_findings(draft))
    got = sorted((d["code"], *d["range"]) for d in diags)
    check(f"{name}: {len(got)} VS Code diagnostics match the {len(expected)} CLI findings (codes, lines, columns)",
          expected and expected == [tuple(g) for g in got],
          f"\n  CLI:     {expected}\n  VS Code: {got}")


def run(cmd, **kw):
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=300, **kw)
    if r.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, cmd))} failed ({r.returncode}):\n{r.stdout}\n{r.stderr}")
    return r


def stop(proc):
    if proc and proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=10)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


def main() -> int:
    for what, p in [("copydesk binary", BIN), ("code-server", ENTRY), ("extension .vsix", VSIX),
                    ("vsce", VSCE), ("chromium", Path(CHROMIUM))]:
        if not p.exists():
            print(f"not ok - {what} missing at {p}")
            print("vscode: 0 passed, 1 failed")
            return 1
    tmp = Path(tempfile.mkdtemp(prefix="copydesk-vscode-"))
    ws, user, exts, xdg, chrome = (tmp / n for n in ("ws", "user", "exts", "xdg", "chrome"))
    for d in (ws, user / "User", exts, xdg, chrome):
        d.mkdir(parents=True)
    for f in ("ferry.md", "warehouse.txt", "bakery.md"):
        shutil.copy(FIXTURES / f, ws / f)
    env = dict(os.environ, XDG_CONFIG_HOME=str(xdg), XDG_DATA_HOME=str(xdg), XDG_CACHE_HOME=str(xdg))
    env.pop("COPYDESK_E2E_SPEC", None)

    # the driver, packaged like any extension
    drv_src = tmp / "driver"
    shutil.copytree(REPO / "tests" / "editors" / "vscode-driver", drv_src)
    run([str(VSCE), "package", "--no-dependencies", "--allow-missing-repository", "--skip-license",
         "--out", str(tmp / "driver.vsix")], cwd=drv_src, env=env)
    cs = ["node", str(ENTRY), "--user-data-dir", str(user), "--extensions-dir", str(exts)]
    r = run(cs + ["--install-extension", str(VSIX), "--install-extension", str(tmp / "driver.vsix")], env=env)
    listed = run(cs + ["--list-extensions", "--show-versions"], env=env).stdout
    check("the .vsix installs into VS Code", "copydesk.copydesk@" in listed, listed + r.stdout + r.stderr)

    (user / "User" / "settings.json").write_text(json.dumps({
        "copydesk.server.path": str(BIN),
        "copydesk.debounceMs": 0,
        "security.workspace.trust.enabled": False,
        "workbench.startupEditor": "none",
        "telemetry.telemetryLevel": "off",
        "update.mode": "none",
        "extensions.autoCheckUpdates": False,
        "extensions.autoUpdate": False,
        "workbench.enableExperiments": False,
        "git.enabled": False,
    }, indent=2))

    ferry = (ws / "ferry.md").read_text(encoding="utf-8")
    y_line, y_col, _ = find(ferry, "yesterday")
    m_line, m_col, _ = find(ferry, "Marchetti")
    result = tmp / "result.json"
    spec = {
        "result": str(result),
        "timeoutMs": 45000,
        "steps": [
            {"draft": str(ws / "ferry.md"),
             "hovers": [{"line": m_line, "character": m_col + 2}, {"line": y_line, "character": y_col + 1}],
             "fix": {"code": "relative-date", "line": y_line}},
            {"draft": str(ws / "bakery.md"), "fixAll": {"code": "relative-date"}},
            {"draft": str(ws / "warehouse.txt"), "disableCheck": "relative-date", "restart": True},
        ],
    }
    (tmp / "spec.json").write_text(json.dumps(spec, indent=2))

    port = free_port()
    cs_log = open(tmp / "code-server.log", "w")
    server = chromium = None
    try:
        server = subprocess.Popen(
            cs + ["--auth", "none", "--bind-addr", f"127.0.0.1:{port}", "--disable-telemetry",
                  "--disable-update-check", "--disable-workspace-trust", "--disable-getting-started-override",
                  str(ws)],
            env=dict(env, COPYDESK_E2E_SPEC=str(tmp / "spec.json")), stdout=cs_log, stderr=subprocess.STDOUT,
            start_new_session=True)
        deadline = time.time() + 60
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2).read()
                break
            except OSError:
                if time.time() > deadline or server.poll() is not None:
                    raise RuntimeError("code-server did not come up")
                time.sleep(0.3)
        chromium = subprocess.Popen(
            [CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--disable-default-apps", "--disable-extensions", "--window-size=1400,900",
             f"--user-data-dir={chrome}", f"http://127.0.0.1:{port}/?folder={ws}"],
            stdout=subprocess.DEVNULL, stderr=open(tmp / "chromium.log", "w"), start_new_session=True)
        deadline = time.time() + TIMEOUT_S
        while not result.exists():
            if time.time() > deadline:
                raise RuntimeError(f"no result from the driver after {TIMEOUT_S:.0f} s")
            if chromium.poll() is not None:
                raise RuntimeError(f"chromium exited with {chromium.returncode}")
            time.sleep(0.5)
    except Exception as e:  # report, with the logs, as a failed check
        check("VS Code ran the driver", False, f"{e}\n--- code-server log ---\n"
              + (tmp / "code-server.log").read_text(errors="replace")[-4000:])
    finally:
        stop(chromium)
        stop(server)
        cs_log.close()

    if result.exists():
        assert_results(json.loads(result.read_text()), ws, ferry, (y_line, y_col), tmp)
    if failed:
        for log in sorted((tmp / "user" / "logs").glob("*/exthost*/output_logging_*/*copydesk.log")):
            print(f"# --- {log.name} (extension output) ---")
            print("\n".join("#   " + l for l in log.read_text(errors="replace").splitlines()[-40:]))
    print(f"vscode: {passed} passed, {failed} failed", flush=True)
    if failed == 0 and not os.environ.get("COPYDESK_KEEP_TMP"):
        shutil.rmtree(tmp, ignore_errors=True)
    else:
        print(f"# logs kept in {tmp}")
    return 1 if failed else 0


def assert_results(res, ws, ferry, yesterday, tmp):
    if not check("the driver finished without error", "error" not in res, res.get("error")):
        print("# driver log:\n#   " + "\n#   ".join(res.get("log", [])))
    check(f"VS Code {res.get('vscodeVersion')} found the copydesk extension", res.get("extensionFound") is True)
    steps = res.get("steps", [])
    if not steps:
        return
    f = steps[0]
    check("ferry.md opens as markdown", f.get("languageId") == "markdown", f.get("languageId"))
    diags = f.get("diagnostics", [])
    compare_with_cli("ferry.md", ws / "ferry.md", diags)
    y_line, y_col = yesterday
    want = [y_line, y_col, y_line, y_col + len("yesterday")]
    rel = [d for d in diags if d["code"] == "relative-date" and d["range"] == want]
    check(f"relative-date exactly on \"yesterday\" after the emoji (UTF-16 {want})", len(rel) == 1,
          [d for d in diags if d["code"] == "relative-date"])
    check("it is information with the resolved weekday",
          rel and rel[0]["severity"] == "information" and "Wednesday" in rel[0]["message"], rel)
    check("all diagnostics have source copydesk", all(d["source"] == "copydesk" for d in diags))
    check("missing-comment-response is an error",
          any(d["code"] == "missing-comment-response" and d["severity"] == "error" for d in diags))
    hovers = f.get("hovers", [])
    card = hovers[0]["text"] if hovers else ""
    check("hover on an actor shows the card",
          "Delia Marchetti" in card and "person" in card.lower() and "mention" in card.lower(), card)
    date_card = hovers[1]["text"] if len(hovers) > 1 else ""
    check("hover on a date shows its resolution", "March 11" in date_card or "2026-03-11" in date_card, date_card)
    check("quick fixes are offered for the relative date", bool(f.get("actionTitles")), f.get("actionTitles"))
    check(f"applying \"{f.get('applied')}\" rewrites the line",
          f.get("applyOk") and "voted Wednesday to raise" in f.get("lineAfterFix", ""), f.get("lineAfterFix"))
    check("the fixed diagnostic goes away", f.get("fixedDiagnosticGone") is True, f.get("diagnosticsAfterFix"))

    if len(steps) > 1:
        b = steps[1]
        text = b.get("textAfterFixAll", "")
        check("Apply All Fixes of One Kind fixes both relative dates in one edit",
              b.get("fixAllCount") == 2 and "closed Tuesday" in text and "shop Thursday" in text,
              f"{b.get('fixAllCount')}\n{text}")
        check("no relative-date left after it", b.get("fixAllGone") is True)
    if len(steps) > 2:
        w = steps[2]
        check("warehouse.txt opens as plain text", w.get("languageId") == "plaintext", w.get("languageId"))
        compare_with_cli("warehouse.txt", ws / "warehouse.txt", w.get("diagnostics", []))
        check("switching a check off in settings reaches the server", w.get("disableWorked") is True)
        check("switching it back on brings it back", w.get("reenableWorked") is True)
        check("copydesk: Restart Server brings diagnostics back", w.get("restartOk") is True)
    cmds = set(res.get("commands", []))
    check("the three commands are registered",
          {"copydesk.restartServer", "copydesk.showOutput", "copydesk.applyAllFixes"} <= cmds, sorted(cmds))


if __name__ == "__main__":
    sys.exit(main())
