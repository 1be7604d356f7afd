-- Headless Neovim end-to-end test of editors/nvim against a real `copydesk lsp`.
--
--   COPYDESK_BIN=target/release/copydesk nvim --headless --clean -c "luafile tests/editors/nvim_test.lua"
--
-- COPYDESK_NVIM_MODE=setup (default): require('copydesk').setup({...});
-- COPYDESK_NVIM_MODE=start: the same through vim.lsp.start from a FileType autocommand (0.10's way).
-- COPYDESK_NVIM_MODE=enable: only lsp/copydesk.lua + vim.lsp.enable('copydesk') (0.11+), binary on PATH.
-- Expected positions come from the drafts' own text and from `copydesk check --format json`.

local repo = vim.env.COPYDESK_REPO or vim.fn.getcwd()
local bin = vim.env.COPYDESK_BIN or (repo .. '/target/release/copydesk')
local mode = vim.env.COPYDESK_NVIM_MODE or 'setup'
local timeout = tonumber(vim.env.COPYDESK_TEST_TIMEOUT_MS or '20000')
bin = vim.fn.fnamemodify(bin, ':p')

vim.opt.runtimepath:prepend(repo .. '/editors/nvim')
vim.opt.swapfile = false
vim.opt.shadafile = 'NONE'

local passed, failed = 0, 0
local function out(s)
  io.stdout:write(s .. '\n')
end
local function check(name, cond, detail)
  if cond then
    passed = passed + 1
    out('ok - ' .. name)
  else
    failed = failed + 1
    out('not ok - ' .. name .. (detail and (': ' .. detail) or ''))
  end
  return cond
end

local work = vim.fn.tempname()
vim.fn.mkdir(work, 'p')
for _, f in ipairs({ 'ferry.md', 'warehouse.txt', 'bakery.md' }) do
  vim.fn.writefile(vim.fn.readfile(repo .. '/tests/editors/fixtures/' .. f, 'b'), work .. '/' .. f, 'b')
end

local copydesk = require('copydesk')

local function client_for(buf)
  local c = vim.lsp.get_clients({ name = 'copydesk', bufnr = buf })
  return c[1]
end

local function call(client, fn, ...)
  return copydesk._call(client, fn, ...)
end

local function diags(buf, code)
  local all = vim.diagnostic.get(buf)
  local res = {}
  for _, d in ipairs(all) do
    if d.source == 'copydesk' and (code == nil or d.code == code) then
      res[#res + 1] = d
    end
  end
  table.sort(res, function(a, b)
    return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col)
  end)
  return res
end

local function open(name)
  vim.cmd.edit(vim.fn.fnameescape(work .. '/' .. name))
  local buf = vim.api.nvim_get_current_buf()
  local attached = vim.wait(timeout, function()
    return client_for(buf) ~= nil
  end, 50)
  check(name .. ': copydesk attaches (filetype ' .. vim.bo[buf].filetype .. ')', attached)
  local got = vim.wait(timeout, function()
    return #diags(buf) > 0
  end, 50)
  check(name .. ': diagnostics arrive', got)
  return buf
end

--- Line (0-based) and byte column (0-based) of the n-th occurrence of `needle` in the buffer.
local function find(buf, needle, after_line)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    if i - 1 >= (after_line or 0) then
      local s = line:find(needle, 1, true)
      if s then
        return i - 1, s - 1, line
      end
    end
  end
end

local function cli_findings(path)
  local res = vim.system({ bin, 'check', '--format', 'json', '--fail-on', 'never', path }, { text = true }):wait()
  local list = {}
  for line in (res.stdout or ''):gmatch('[^\n]+') do
    list[#list + 1] = vim.json.decode(line)
  end
  return list, res
end

--- Every CLI finding must be an editor diagnostic with the same code and range, and vice
--- versa. Checked twice: against the CLI's line/column (1-based, Unicode scalar values) and
--- against its byte span (UTF-8 offsets into the file); Neovim's columns are 0-based bytes.
--- The CLI reads the buffer's current text, so this also checks that edits reached the server.
local function compare_with_cli(buf, label)
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  local path = work .. '/cli-' .. label:gsub('[^%w.]', '_')
  local ext = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(buf), ':e')
  path = path .. '.' .. ext
  vim.fn.writefile(lines, path)
  local findings, res = cli_findings(path)
  check(label .. ': copydesk check ran', res.code == 0 or res.code == 1, res.stderr)
  local line_start = {}
  local acc = 0
  for i, l in ipairs(lines) do
    line_start[i - 1] = acc
    acc = acc + #l + 1
  end
  local function chars(lnum, col)
    return vim.fn.strchars(string.sub(lines[lnum + 1] or '', 1, col))
  end
  local ds = diags(buf)
  local unmatched, used = {}, {}
  for _, f in ipairs(findings) do
    local hit = false
    for i, d in ipairs(ds) do
      if not used[i] and d.code == f.code and d.lnum == f.line - 1 and chars(d.lnum, d.col) == f.column - 1
          and d.end_lnum == f.end_line - 1 and chars(d.end_lnum, d.end_col) == f.end_column - 1
          and line_start[d.lnum] + d.col == f.span.start and line_start[d.end_lnum] + d.end_col == f.span['end'] then
        used[i] = true
        hit = true
        break
      end
    end
    if not hit then
      unmatched[#unmatched + 1] = ('%s %d:%d-%d:%d [%d,%d)'):format(
        f.code, f.line, f.column, f.end_line, f.end_column, f.span.start, f.span['end'])
    end
  end
  local extra = {}
  for i, d in ipairs(ds) do
    if not used[i] then
      extra[#extra + 1] = ('%s %d:%d-%d:%d [%d,%d)'):format(d.code, d.lnum + 1, chars(d.lnum, d.col) + 1,
        d.end_lnum + 1, chars(d.end_lnum, d.end_col) + 1, line_start[d.lnum] + d.col, line_start[d.end_lnum] + d.end_col)
    end
  end
  check(
    ('%s: %d editor diagnostics match the %d CLI findings (codes, lines, columns, byte spans)'):format(label, #ds, #findings),
    #findings > 0 and #unmatched == 0 and #extra == 0,
    'CLI only: ' .. table.concat(unmatched, ', ') .. '; editor only: ' .. table.concat(extra, ', ')
  )
  return findings
end

--- Waits until the editor's diagnostics agree with the CLI on the buffer's current text.
local function settle_and_compare(buf, label)
  vim.wait(timeout, function()
    local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
    local path = work .. '/settle.' .. vim.fn.fnamemodify(vim.api.nvim_buf_get_name(buf), ':e')
    vim.fn.writefile(lines, path)
    local findings = cli_findings(path)
    local ds = diags(buf)
    if #ds ~= #findings then
      return false
    end
    for i, d in ipairs(ds) do
      local f = findings[i]
      if d.code ~= f.code or d.lnum ~= f.line - 1 then
        return false
      end
    end
    return true
  end, 200)
  return compare_with_cli(buf, label)
end

local function skip(name, why)
  out('skip - ' .. name .. ': ' .. why)
end

local function inspect_actors(path)
  local res = vim.system({ bin, 'inspect', path }, { text = true }):wait()
  local names = {}
  local ok, obj = pcall(vim.json.decode, vim.split(res.stdout or '', '\n')[1] or '')
  for _, a in ipairs(ok and type(obj) == 'table' and obj.actors or {}) do
    names[#names + 1] = a.name
  end
  return names
end

local function line_start_of(buf, lnum)
  local acc = 0
  for _, l in ipairs(vim.api.nvim_buf_get_lines(buf, 0, lnum, false)) do
    acc = acc + #l + 1
  end
  return acc
end

local priority = { ['relative-date'] = 1, ['missing-comment-response'] = 2, ['unattributed-quote'] = 3 }

--- A (finding, fix) from the CLI to try in the editor: the first, by check priority, whose
--- edits make the CLI drop that finding; else the first fix on a line with multi-byte text.
--- Returns { finding, fix, text (after the fix), resolves, multibyte }.
local function pick_fix(path, findings)
  local text = table.concat(vim.fn.readfile(path, 'b'), '\n')
  local ext = vim.fn.fnamemodify(path, ':e')
  local cands = {}
  for _, f in ipairs(findings) do
    for _, fx in ipairs(f.fixes or {}) do
      cands[#cands + 1] = { finding = f, fix = fx }
    end
  end
  table.sort(cands, function(a, b)
    local pa, pb = priority[a.finding.code] or 9, priority[b.finding.code] or 9
    if pa ~= pb then
      return pa < pb
    end
    return a.finding.span.start < b.finding.span.start
  end)
  local fallback = nil
  for _, c in ipairs(cands) do
    local edits = vim.deepcopy(c.fix.edits)
    table.sort(edits, function(a, b)
      return a.span.start > b.span.start
    end)
    local t = text
    for _, e in ipairs(edits) do
      t = t:sub(1, e.span.start) .. e.text .. t:sub(e.span['end'] + 1)
    end
    c.text = t
    local ls = text:sub(1, c.finding.span.start):match('[^\n]*$')
    c.multibyte = #ls > vim.fn.strchars(ls)
    local tmp = work .. '/probe.' .. ext
    vim.fn.writefile(vim.split(t, '\n', { plain = true }), tmp, 'b')
    local after = cli_findings(tmp)
    c.resolves = true
    for _, g in ipairs(after) do
      if g.code == c.finding.code and g.line == c.finding.line then
        c.resolves = false
      end
    end
    if c.resolves then
      return c
    end
    if not fallback or (c.multibyte and not fallback.multibyte) then
      fallback = c
    end
  end
  return fallback
end

local function hover_text(buf, lnum, col)
  local client = client_for(buf)
  vim.api.nvim_win_set_cursor(0, { lnum + 1, col })
  local params = vim.lsp.util.make_position_params(0, client.offset_encoding)
  local res = call(client, 'request_sync', 'textDocument/hover', params, timeout, buf)
  local h = res and res.result
  if not h then
    return ''
  end
  local c = h.contents
  if type(c) == 'string' then
    return c
  end
  if c.value then
    return c.value
  end
  local parts = {}
  for _, p in ipairs(c) do
    parts[#parts + 1] = type(p) == 'string' and p or p.value
  end
  return table.concat(parts, '\n')
end

local function code_actions(buf, d)
  local client = client_for(buf)
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(buf),
    range = d.user_data.lsp.range,
    context = { diagnostics = { d.user_data.lsp }, only = { 'quickfix' } },
  }
  local res = call(client, 'request_sync', 'textDocument/codeAction', params, timeout, buf)
  return (res and res.result) or {}
end

local function run_setup_mode()
  -- A missing binary is reported, not thrown.
  local notes = {}
  local orig_notify = vim.notify
  vim.notify = function(msg, level)
    notes[#notes + 1] = { msg = msg, level = level }
  end
  copydesk.setup({ cmd = { work .. '/no-such-copydesk', 'lsp' } })
  vim.notify = orig_notify
  local said = false
  for _, n in ipairs(notes) do
    if n.level == vim.log.levels.ERROR and n.msg:find('no-such-copydesk is not an executable file', 1, true) then
      said = true
    end
  end
  check('a missing binary is reported clearly', said, vim.inspect(notes))
  check('a missing binary starts nothing', copydesk.mode == nil)

  local use_enable = mode ~= 'start'
  copydesk.setup({ cmd = { bin, 'lsp' }, settings = { debounceMs = 0 }, use_lsp_enable = use_enable })
  check('setup() wires the server (' .. tostring(copydesk.mode) .. ')',
    copydesk.mode == ((use_enable and vim.fn.has('nvim-0.11') == 1) and 'vim.lsp.enable' or 'vim.lsp.start'))

  -- 1. Markdown draft with a publication date.
  local buf = open('ferry.md')
  local client = client_for(buf)
  check('position encoding negotiated: ' .. tostring(client.offset_encoding), client.offset_encoding ~= nil)
  local findings = compare_with_cli(buf, 'ferry.md')

  -- The orphan quote sits after an emoji: its columns must count bytes right.
  local q_lnum, q_col, q_line = find(buf, '"Nobody')
  check('the quote line really has multi-byte text before the span', q_col > vim.fn.strchars(q_line:sub(1, q_col)))
  local q_end = q_line:find('increase."', 1, true) + #'increase."' - 1
  local uq = vim.tbl_filter(function(d)
    return d.lnum == q_lnum
  end, diags(buf, 'unattributed-quote'))
  check(('unattributed-quote exactly on the quote after the emoji (line %d, bytes %d-%d)'):format(q_lnum + 1, q_col, q_end),
    #uq == 1 and uq[1].col == q_col and uq[1].end_lnum == q_lnum and uq[1].end_col == q_end
      and uq[1].severity == vim.diagnostic.severity.ERROR,
    vim.inspect(vim.tbl_map(function(d)
      return { d.lnum, d.col, d.end_lnum, d.end_col, d.severity }
    end, uq)))

  local y_lnum, y_col = find(buf, 'yesterday')
  local cli_rel = vim.tbl_filter(function(f)
    return f.code == 'relative-date' and f.line == y_lnum + 1
  end, findings)
  local on_word = nil
  for _, d in ipairs(diags(buf, 'relative-date')) do
    if d.lnum == y_lnum and d.col == y_col and d.end_lnum == y_lnum and d.end_col == y_col + #'yesterday' then
      on_word = d
    end
  end
  if #cli_rel == 0 then
    skip('relative-date on "yesterday"', 'this build of copydesk reports no relative dates')
  else
    check('relative-date exactly on "yesterday" after the emoji (line ' .. (y_lnum + 1) .. ', byte col ' .. y_col .. ')',
      on_word ~= nil, vim.inspect(diags(buf, 'relative-date')))
    check('the anchored relative date is information and names the weekday',
      on_word ~= nil and on_word.severity == vim.diagnostic.severity.INFO and on_word.message:find('Wednesday') ~= nil,
      on_word and (on_word.severity .. ' ' .. on_word.message) or nil)
    local date_card = hover_text(buf, y_lnum, y_col + 1)
    check('hover on a date shows its resolution',
      date_card:find('March 11', 1, true) ~= nil or date_card:find('2026-03-11', 1, true) ~= nil, date_card)
  end

  local t_lnum, t_col = find(buf, 'Tollgate Marine')
  if not vim.iter(findings):any(function(f)
    return f.code == 'missing-comment-response'
  end) then
    skip('missing-comment-response on the accused company', 'this build of copydesk reports none')
  else
    local mcr = diags(buf, 'missing-comment-response')
    check('missing-comment-response, an error, on the first mention of the accused company',
      #mcr == 1 and mcr[1].lnum == t_lnum and mcr[1].col == t_col and mcr[1].end_col == t_col + #'Tollgate Marine'
        and mcr[1].severity == vim.diagnostic.severity.ERROR,
      vim.inspect(vim.tbl_map(function(d)
        return { d.lnum, d.col, d.end_col, d.severity }
      end, mcr)))
  end

  local m_lnum, m_col = find(buf, 'Quennell')
  local card = hover_text(buf, m_lnum, m_col + 2)
  local actors = inspect_actors(work .. '/ferry.md')
  if not vim.tbl_contains(actors, 'Delia Quennell') then
    skip('hover on an actor', 'this build of copydesk finds no actor "Delia Quennell" (inspect: '
      .. vim.inspect(actors) .. '); hover returned ' .. vim.inspect(card))
  else
    check('hover on an actor shows the card (name, kind, mentions)',
      card:find('Delia Quennell', 1, true) ~= nil and card:lower():find('person', 1, true) ~= nil
        and card:lower():find('mention', 1, true) ~= nil, card)
    check('the card counts her three mentions', card:find('3 mentions', 1, true) ~= nil, card)
  end

  -- 2. A code action. The CLI's own fixes (byte-span edits) tell which fix settles its
  -- finding on this build; the editor must apply the same fix to the same text and see
  -- the diagnostic go away.
  local path = vim.api.nvim_buf_get_name(buf)
  local pick = pick_fix(path, findings)
  check('the CLI offers a fix to try', pick ~= nil)
  if pick then
    local f, fx = pick.finding, pick.fix
    local target = nil
    for _, d in ipairs(diags(buf, f.code)) do
      if d.lnum == f.line - 1 and line_start_of(buf, d.lnum) + d.col == f.span.start then
        target = d
      end
    end
    local chosen = nil
    for _, a in ipairs(target and code_actions(buf, target) or {}) do
      if not chosen and a.title == fx.title then
        chosen = a
      end
    end
    check(('the editor offers "%s" for %s on line %d'):format(fx.title, f.code, f.line), chosen ~= nil)
    if chosen then
      if not chosen.edit then
        local r = call(client, 'request_sync', 'codeAction/resolve', chosen, timeout, buf)
        chosen = (r and r.result) or chosen
      end
      local tick = vim.b[buf].changedtick
      vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)
      local after = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n') .. '\n'
      check(('applying it changes the text exactly as the CLI fix does (%s)'):format(pick.multibyte and 'line with emoji' or 'ASCII line'),
        vim.b[buf].changedtick > tick and after == pick.text, after)
      if pick.resolves then
        local gone = vim.wait(timeout, function()
          for _, d in ipairs(diags(buf, f.code)) do
            if d.lnum == f.line - 1 then
              return false
            end
          end
          return true
        end, 50)
        check(('the %s diagnostic on line %d goes away'):format(f.code, f.line), gone,
          vim.inspect(vim.tbl_map(function(d)
            return { d.code, d.lnum + 1, d.message }
          end, diags(buf))))
      else
        skip('the fixed diagnostic goes away', 'no fix settles its finding on this build (the CLI still reports it)')
      end
      settle_and_compare(buf, 'ferry.md after the fix')
    end
  end

  -- 3. One fix for every finding of a check, in one change.
  local bbuf = open('bakery.md')
  local nq = #diags(bbuf, 'unattributed-quote')
  check('bakery.md: two orphan quotes', nq == 2, nq)
  local original = table.concat(vim.api.nvim_buf_get_lines(bbuf, 0, -1, false), '\n')
  local n = copydesk.fix_all('unattributed-quote', { bufnr = bbuf })
  local text = table.concat(vim.api.nvim_buf_get_lines(bbuf, 0, -1, false), '\n')
  local s1 = text:match('ceiling," ([^\n]-) said%.')
  local s2 = text:match('years," ([^\n]-) said%.')
  check('fix_all applies the same fix to both quotes (' .. tostring(s1) .. ')', n == 2 and s1 ~= nil and s1 == s2,
    n .. '\n' .. text)
  vim.api.nvim_buf_call(bbuf, function()
    vim.cmd('silent undo')
  end)
  local undone = table.concat(vim.api.nvim_buf_get_lines(bbuf, 0, -1, false), '\n')
  check('one undo takes both back', undone == original, undone)
  vim.api.nvim_buf_call(bbuf, function()
    vim.cmd('silent redo')
  end)
  settle_and_compare(bbuf, 'bakery.md after fix_all')

  -- The server's source.fixAll.copydesk (what VS Code runs on save when asked to).
  local bclient = client_for(bbuf)
  local sres = call(bclient, 'request_sync', 'textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(bbuf) },
    range = { start = { line = 0, character = 0 }, ['end'] = { line = 0, character = 0 } },
    context = { diagnostics = {}, only = { 'source.fixAll.copydesk' } },
  }, timeout, bbuf)
  local sources = vim.tbl_filter(function(a)
    return a.kind == 'source.fixAll.copydesk' and a.edit ~= nil
  end, (sres and sres.result) or {})
  check('the server offers source.fixAll.copydesk with an edit', #sources == 1, vim.inspect(sres))

  -- 4. Plain text, no date: relative dates after emoji are warnings.
  local tbuf = open('warehouse.txt')
  check('warehouse.txt is a text buffer', vim.bo[tbuf].filetype == 'text')
  compare_with_cli(tbuf, 'warehouse.txt')
  local l_lnum, l_col = find(tbuf, 'last night')
  if #diags(tbuf, 'relative-date') == 0 then
    skip('unanchored "last night" after two emoji', 'this build of copydesk reports no relative dates')
  else
    local found = false
    for _, d in ipairs(diags(tbuf, 'relative-date')) do
      if d.lnum == l_lnum and d.col == l_col and d.end_col == l_col + #'last night' then
        found = d.severity == vim.diagnostic.severity.WARN
      end
    end
    check('unanchored "last night" after two emoji is a relative-date warning at the right column', found)
  end

  local tclient = client_for(tbuf)
  tclient.settings = vim.tbl_deep_extend('force', tclient.settings or {}, {
    copydesk = { checks = { ['unattributed-quote'] = false } },
  })
  local had = #diags(tbuf, 'unattributed-quote')
  call(tclient, 'notify', 'workspace/didChangeConfiguration', { settings = tclient.settings })
  check('turning a check off in settings removes its diagnostics', had > 0 and vim.wait(timeout, function()
    return #diags(tbuf, 'unattributed-quote') == 0 and #diags(tbuf) > 0
  end, 50), had)

  -- 5. :CopydeskRestart brings a new server.
  local old_id = client_for(tbuf).id
  vim.cmd('CopydeskRestart')
  local restarted = vim.wait(timeout, function()
    local c = client_for(tbuf)
    return c ~= nil and c.id ~= old_id and c.initialized and #diags(tbuf) > 0
  end, 50)
  check(':CopydeskRestart starts a fresh server that checks the draft again', restarted)
end

local function run_enable_mode()
  if vim.fn.has('nvim-0.11') ~= 1 then
    out('skip - vim.lsp.enable needs Neovim 0.11')
    return
  end
  -- the binary under test, as `copydesk` on PATH
  vim.fn.mkdir(work .. '/bin', 'p')
  vim.uv.fs_symlink(bin, work .. '/bin/copydesk')
  vim.env.PATH = work .. '/bin:' .. vim.env.PATH
  bin = work .. '/bin/copydesk'
  vim.lsp.enable('copydesk')
  local buf = open('warehouse.txt')
  compare_with_cli(buf, 'warehouse.txt')
end

local function checkhealth()
  vim.cmd('silent checkhealth copydesk')
  local lines = vim.api.nvim_buf_get_lines(0, 0, -1, false)
  local text = table.concat(lines, '\n')
  check(':checkhealth copydesk finds the binary', text:find('found ' .. bin, 1, true) ~= nil, text)
  check(':checkhealth copydesk reports the version', text:find('version: copydesk', 1, true) ~= nil, text)
  check(':checkhealth copydesk lists the running server', text:find('client %d+: copydesk') ~= nil, text)
  check(':checkhealth copydesk has no errors', text:find('ERROR', 1, true) == nil, text)
end

local ok, err = xpcall(function()
  out(('# Neovim %s, mode %s, server %s'):format(tostring(vim.version()), mode, bin))
  if mode == 'enable' then
    run_enable_mode()
  else
    run_setup_mode()
  end
  checkhealth()
end, debug.traceback)
if not ok then
  check('test script ran to the end', false, err)
end
out(('nvim (%s): %d passed, %d failed'):format(mode, passed, failed))
vim.fn.delete(work, 'rf')
vim.cmd(failed > 0 and 'cquit 1' or 'qall!')
