-- Headless Neovim end-to-end test of editors/nvim against a real `copydesk lsp`.
--
--   COPYDESK_BIN=target/release/copydesk nvim --headless --clean -c "luafile tests/editors/nvim_test.lua"
--
-- COPYDESK_NVIM_MODE=setup (default): require('copydesk').setup({...});
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

--- Every CLI finding must be an editor diagnostic with the same code and range (CLI columns
--- are 1-based Unicode scalar values; Neovim's are 0-based bytes), and vice versa.
local function compare_with_cli(buf, name)
  local findings, res = cli_findings(work .. '/' .. name)
  check(name .. ': copydesk check ran', res.code == 0 or res.code == 1, res.stderr)
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  local function chars(lnum, col)
    return vim.fn.strchars(string.sub(lines[lnum + 1] or '', 1, col))
  end
  local ds = diags(buf)
  local unmatched = {}
  local used = {}
  for _, f in ipairs(findings) do
    local hit = false
    for i, d in ipairs(ds) do
      if not used[i] and d.code == f.code and d.lnum == f.line - 1 and chars(d.lnum, d.col) == f.column - 1
          and d.end_lnum == f.end_line - 1 and chars(d.end_lnum, d.end_col) == f.end_column - 1 then
        used[i] = true
        hit = true
        break
      end
    end
    if not hit then
      unmatched[#unmatched + 1] = ('%s %d:%d-%d:%d'):format(f.code, f.line, f.column, f.end_line, f.end_column)
    end
  end
  local extra = {}
  for i, d in ipairs(ds) do
    if not used[i] then
      extra[#extra + 1] = ('%s %d:%d'):format(d.code, d.lnum + 1, chars(d.lnum, d.col) + 1)
    end
  end
  check(
    ('%s: %d editor diagnostics match the %d CLI findings (codes, lines, columns)'):format(name, #ds, #findings),
    #findings > 0 and #unmatched == 0 and #extra == 0,
    'CLI only: ' .. table.concat(unmatched, ', ') .. '; editor only: ' .. table.concat(extra, ', ')
  )
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

  copydesk.setup({ cmd = { bin, 'lsp' }, settings = { debounceMs = 0 } })
  check('setup() wires the server (' .. tostring(copydesk.mode) .. ')',
    copydesk.mode == (vim.fn.has('nvim-0.11') == 1 and 'vim.lsp.enable' or 'vim.lsp.start'))

  -- 1. Markdown draft with a publication date.
  local buf = open('ferry.md')
  local client = client_for(buf)
  check('position encoding negotiated: ' .. tostring(client.offset_encoding), client.offset_encoding ~= nil)
  compare_with_cli(buf, 'ferry.md')

  local y_lnum, y_col, y_line = find(buf, 'yesterday')
  check('the emoji line really has multi-byte text before the span', y_col > vim.fn.strchars(y_line:sub(1, y_col)))
  local rel = diags(buf, 'relative-date')
  local on_word = nil
  for _, d in ipairs(rel) do
    if d.lnum == y_lnum and d.col == y_col and d.end_lnum == y_lnum and d.end_col == y_col + #'yesterday' then
      on_word = d
    end
  end
  check('relative-date exactly on "yesterday" after the emoji (line ' .. (y_lnum + 1) .. ', byte col ' .. y_col .. ')',
    on_word ~= nil, vim.inspect(vim.tbl_map(function(d)
      return { d.lnum, d.col, d.end_lnum, d.end_col, d.message }
    end, rel)))
  check('the anchored relative date is information and names the date',
    on_word ~= nil and on_word.severity == vim.diagnostic.severity.INFO and on_word.message:find('Wednesday') ~= nil,
    on_word and (on_word.severity .. ' ' .. on_word.message) or nil)

  local m_lnum, m_col = find(buf, 'Marchetti')
  local mcr = diags(buf, 'missing-comment-response')
  check('missing-comment-response for the accused company',
    #mcr == 1 and vim.api.nvim_buf_get_text(buf, mcr[1].lnum, mcr[1].col, mcr[1].end_lnum, mcr[1].end_col, {})[1]:find('Tollgate') ~= nil,
    vim.inspect(mcr))
  check('unattributed-quote on the orphan quote', #diags(buf, 'unattributed-quote') == 1)

  local card = hover_text(buf, m_lnum, m_col + 2)
  check('hover on an actor shows the card (name, kind, mentions)',
    card:find('Delia Marchetti', 1, true) ~= nil and card:lower():find('person', 1, true) ~= nil
      and card:lower():find('mention', 1, true) ~= nil, card)
  check('the actor card lists the accusation against Tollgate as hers or the quote',
    card:find('Tollgate', 1, true) ~= nil or card:find('invoices', 1, true) ~= nil, card)
  local date_card = hover_text(buf, y_lnum, y_col + 1)
  check('hover on a date shows its resolution',
    date_card:find('March 11', 1, true) ~= nil or date_card:find('2026-03-11', 1, true) ~= nil, date_card)

  -- 2. A code action on "yesterday".
  local actions = on_word and code_actions(buf, on_word) or {}
  local chosen = nil
  for _, a in ipairs(actions) do
    if not chosen and (a.edit or a.data ~= nil) then
      chosen = a
    end
  end
  check('a quick fix is offered for the relative date', chosen ~= nil, vim.inspect(actions))
  if chosen then
    if not chosen.edit then
      local r = call(client, 'request_sync', 'codeAction/resolve', chosen, timeout, buf)
      chosen = (r and r.result) or chosen
    end
    vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)
    local line = vim.api.nvim_buf_get_lines(buf, y_lnum, y_lnum + 1, false)[1]
    check('the fix "' .. chosen.title .. '" changes the text to the weekday',
      line:find('voted Wednesday to raise', 1, true) ~= nil and line:find('yesterday', 1, true) == nil, line)
    local gone = vim.wait(timeout, function()
      for _, d in ipairs(diags(buf, 'relative-date')) do
        if d.lnum == y_lnum then
          return false
        end
      end
      return #diags(buf) > 0
    end, 50)
    check('the relative-date diagnostic goes away after the fix', gone,
      vim.inspect(vim.tbl_map(function(d)
        return { d.code, d.lnum, d.col }
      end, diags(buf))))
  end

  -- 3. Settings reach the server: switch relative-date off.
  local bbuf = open('bakery.md')
  check('bakery.md: two relative dates', #diags(bbuf, 'relative-date') == 2)
  local n = copydesk.fix_all('relative-date', { bufnr = bbuf })
  local text = table.concat(vim.api.nvim_buf_get_lines(bbuf, 0, -1, false), '\n')
  check('fix_all applies both relative-date fixes in one go', n == 2
    and text:find('closed Tuesday', 1, true) ~= nil and text:find('shop Thursday', 1, true) ~= nil, n .. '\n' .. text)
  check('no relative-date left after fix_all', vim.wait(timeout, function()
    return #diags(bbuf, 'relative-date') == 0
  end, 50))

  -- 4. Plain text, no date: relative dates after emoji are warnings.
  local tbuf = open('warehouse.txt')
  check('warehouse.txt is a text buffer', vim.bo[tbuf].filetype == 'text')
  compare_with_cli(tbuf, 'warehouse.txt')
  local l_lnum, l_col = find(tbuf, 'last night')
  local found = false
  for _, d in ipairs(diags(tbuf, 'relative-date')) do
    if d.lnum == l_lnum and d.col == l_col and d.end_col == l_col + #'last night' then
      found = d.severity == vim.diagnostic.severity.WARN
    end
  end
  check('unanchored "last night" after two emoji is a relative-date warning at the right column', found)

  local tclient = client_for(tbuf)
  tclient.settings = vim.tbl_deep_extend('force', tclient.settings or {}, {
    copydesk = { checks = { ['relative-date'] = false } },
  })
  call(tclient, 'notify', 'workspace/didChangeConfiguration', { settings = tclient.settings })
  check('turning a check off in settings removes its diagnostics', vim.wait(timeout, function()
    return #diags(tbuf, 'relative-date') == 0
  end, 50))

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
  vim.env.PATH = vim.fn.fnamemodify(bin, ':h') .. ':' .. vim.env.PATH
  vim.lsp.enable('copydesk')
  local buf = open('warehouse.txt')
  compare_with_cli(buf, 'warehouse.txt')
end

local function checkhealth()
  vim.cmd('checkhealth copydesk')
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
