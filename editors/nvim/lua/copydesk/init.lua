--- copydesk: a copy editor's checks for news drafts, as a language server.
---
--- require('copydesk').setup({
---   cmd = { 'copydesk', 'lsp' },          -- or { '/path/to/copydesk', 'lsp' }
---   filetypes = { 'markdown', 'text' },
---   settings = {                          -- what the server reads under "copydesk"
---     checks = { ['undated-event'] = false },
---     severity = { ['relative-date'] = 'hint' },
---     referenceDate = '2026-03-12',
---     debounceMs = 200,
---   },
--- })
local M = {}

M.name = 'copydesk'

M.codes = {
  'unattributed-claim',
  'vague-attribution',
  'unattributed-quote',
  'undated-event',
  'relative-date',
  'missing-comment-response',
}

M.severities = { 'error', 'warning', 'information', 'hint' }

local defaults = {
  cmd = { 'copydesk', 'lsp' },
  filetypes = { 'markdown', 'text' },
  root_markers = { '.git' },
  settings = {},
  on_attach = nil,
  capabilities = nil,
  -- Create :CopydeskRestart and :CopydeskFixAll.
  commands = true,
  -- On 0.11+: register with vim.lsp.config/vim.lsp.enable (true) or start clients from a
  -- FileType autocommand with vim.lsp.start as on 0.10 (false).
  use_lsp_enable = true,
}

--- The options in force (after setup), or nil before setup.
M.options = nil
--- How the server was wired: 'vim.lsp.enable' (0.11+), 'vim.lsp.start' (0.10) or nil.
M.mode = nil

--- Calls a client method in both Neovim 0.10 (`client.fn(...)`) and 0.11+ (`client:fn(...)`).
local function call(client, fn, ...)
  if vim.fn.has('nvim-0.11') == 1 then
    return client[fn](client, ...)
  end
  return client[fn](...)
end
M._call = call

local function notify(msg, level)
  vim.notify('copydesk: ' .. msg, level or vim.log.levels.INFO)
end

--- Validates settings the way the server will read them; returns a list of problems.
---@param settings table
---@return string[]
function M.validate(settings)
  local problems = {}
  local known = {}
  for _, c in ipairs(M.codes) do
    known[c] = true
  end
  local sev_ok = { info = true }
  for _, s in ipairs(M.severities) do
    sev_ok[s] = true
  end
  if type(settings) ~= 'table' then
    return { 'settings must be a table' }
  end
  for _, key in ipairs({ 'checks', 'severity' }) do
    local t = settings[key]
    if t ~= nil and type(t) ~= 'table' then
      table.insert(problems, ('settings.%s must be a table keyed by check name'):format(key))
    elseif t then
      for code, v in pairs(t) do
        if not known[code] then
          table.insert(problems, ('settings.%s names an unknown check %q'):format(key, tostring(code)))
        end
        if key == 'checks' and type(v) ~= 'boolean' then
          table.insert(problems, ('settings.checks[%q] must be true or false'):format(tostring(code)))
        end
        if key == 'severity' and not (type(v) == 'string' and sev_ok[v:lower()]) then
          table.insert(
            problems,
            ('settings.severity[%q] = %s: use one of %s'):format(
              tostring(code),
              vim.inspect(v),
              table.concat(M.severities, ', ')
            )
          )
        end
      end
    end
  end
  if settings.disabled ~= nil then
    if type(settings.disabled) ~= 'table' then
      table.insert(problems, 'settings.disabled must be a list of check names')
    else
      for _, code in ipairs(settings.disabled) do
        if not known[code] then
          table.insert(problems, ('settings.disabled names an unknown check %q'):format(tostring(code)))
        end
      end
    end
  end
  local d = settings.referenceDate
  if d ~= nil and d ~= vim.NIL and not (type(d) == 'string' and d:match('^%d%d%d%d%-%d%d%-%d%d$')) then
    table.insert(problems, ('settings.referenceDate = %s: write it as YYYY-MM-DD'):format(vim.inspect(d)))
  end
  local ms = settings.debounceMs
  if ms ~= nil and not (type(ms) == 'number' and ms >= 0) then
    table.insert(problems, 'settings.debounceMs must be a number of milliseconds >= 0')
  end
  return problems
end

--- The client configuration for vim.lsp.start / vim.lsp.config.
---@param opts table|nil
---@return table
function M.client_config(opts)
  opts = vim.tbl_deep_extend('force', {}, defaults, opts or {})
  local settings = opts.settings or {}
  local cfg = {
    name = M.name,
    cmd = opts.cmd,
    filetypes = opts.filetypes,
    root_markers = opts.root_markers,
    settings = { copydesk = settings },
    init_options = settings,
    on_attach = opts.on_attach,
    capabilities = opts.capabilities,
  }
  return cfg
end

--- Whether the server binary can be run; returns (ok, path-or-message).
---@param cmd string[]|nil
function M.find_binary(cmd)
  cmd = cmd or (M.options and M.options.cmd) or defaults.cmd
  if type(cmd) ~= 'table' or type(cmd[1]) ~= 'string' then
    return false, 'cmd must be a list such as { "copydesk", "lsp" }'
  end
  local exe = vim.fn.expand(cmd[1])
  if vim.fn.executable(exe) == 1 then
    return true, vim.fn.exepath(exe)
  end
  if exe:find('/') then
    return false, ('%s is not an executable file'):format(exe)
  end
  return false,
    ('`%s` is not on your PATH. Install copydesk (`cargo install --path .` in a copydesk checkout), '):format(exe)
      .. "or point setup({ cmd = { '/path/to/copydesk', 'lsp' } }) at the binary."
end

local function root_dir_for(bufnr, markers)
  local name = vim.api.nvim_buf_get_name(bufnr)
  local start = name ~= '' and vim.fs.dirname(name) or vim.uv.cwd()
  local found = vim.fs.find(markers, { path = start, upward = true })[1]
  return found and vim.fs.dirname(found) or start
end

--- Neovim 0.10: start (or reuse) the client for one buffer.
function M.start(bufnr)
  bufnr = bufnr or vim.api.nvim_get_current_buf()
  local cfg = M.client_config(M.options)
  cfg.root_dir = root_dir_for(bufnr, cfg.root_markers or { '.git' })
  cfg.root_markers = nil
  cfg.filetypes = nil
  return vim.lsp.start(cfg, { bufnr = bufnr })
end

local function has_vim_lsp_config()
  return vim.fn.has('nvim-0.11') == 1 and vim.lsp.config ~= nil and vim.lsp.enable ~= nil
end

--- The copydesk clients, optionally only those attached to bufnr.
function M.clients(bufnr)
  return vim.lsp.get_clients({ name = M.name, bufnr = bufnr })
end

--- Restarts the server: stops the clients and attaches the open drafts again.
function M.restart()
  local bufs = {}
  for _, client in ipairs(M.clients()) do
    for b in pairs(client.attached_buffers or {}) do
      bufs[#bufs + 1] = b
    end
    call(client, 'stop', true)
  end
  vim.defer_fn(function()
    local fts = {}
    for _, ft in ipairs((M.options or defaults).filetypes) do
      fts[ft] = true
    end
    for _, b in ipairs(vim.api.nvim_list_bufs()) do
      if vim.api.nvim_buf_is_loaded(b) and fts[vim.bo[b].filetype] then
        if M.mode == 'vim.lsp.start' then
          M.start(b)
        else
          -- vim.lsp.enable's FileType handler attaches again on a re-fired FileType
          vim.api.nvim_exec_autocmds('FileType', { buffer = b, modeline = false })
        end
      end
    end
  end, 200)
end

local function pos_lt(a, b)
  return a.line < b.line or (a.line == b.line and a.character < b.character)
end

local function pos_eq(a, b)
  return a.line == b.line and a.character == b.character
end

--- Keeps edits that can be applied together (identical ones once, overlapping ones skipped).
function M.merge_edits(edits)
  local seen, kept, skipped = {}, {}, 0
  for _, e in ipairs(edits) do
    local r = e.range
    local key = ('%d:%d-%d:%d=%s'):format(r.start.line, r.start.character, r['end'].line, r['end'].character, e.newText)
    if not seen[key] then
      seen[key] = true
      local clash = false
      for _, k in ipairs(kept) do
        local kr = k.range
        local e_empty, k_empty = pos_eq(r.start, r['end']), pos_eq(kr.start, kr['end'])
        if e_empty and k_empty then
          clash = pos_eq(r.start, kr.start)
        else
          clash = pos_lt(r.start, kr['end']) and pos_lt(kr.start, r['end'])
        end
        if clash then
          break
        end
      end
      if clash then
        skipped = skipped + 1
      else
        kept[#kept + 1] = e
      end
    end
  end
  return kept, skipped
end

--- Applies one quick fix to every copydesk diagnostic of `code` in the buffer, in one edit.
--- `title` picks the fix when a check offers several (default: the one offered for the
--- most findings).
--- Returns the number of edits applied.
---@param code string
---@param opts { bufnr?: integer, title?: string, timeout_ms?: integer }|nil
function M.fix_all(code, opts)
  opts = opts or {}
  local bufnr = opts.bufnr or vim.api.nvim_get_current_buf()
  local client = M.clients(bufnr)[1]
  if not client then
    notify('no copydesk server is attached to this buffer', vim.log.levels.WARN)
    return 0
  end
  local ns = vim.lsp.diagnostic.get_namespace(client.id)
  local uri = vim.uri_from_bufnr(bufnr)
  -- per diagnostic, the edits of each fix offered, by title
  local per_diag, counts, order = {}, {}, {}
  for _, d in ipairs(vim.diagnostic.get(bufnr, { namespace = ns })) do
    local lsp_diag = d.user_data and d.user_data.lsp
    if lsp_diag and tostring(lsp_diag.code) == code then
      local params = {
        textDocument = { uri = uri },
        range = lsp_diag.range,
        context = { diagnostics = { lsp_diag }, only = { 'quickfix' } },
      }
      local res = call(client, 'request_sync', 'textDocument/codeAction', params, opts.timeout_ms or 3000, bufnr)
      local by_title = {}
      for _, action in ipairs((res and res.result) or {}) do
        if action.title and not by_title[action.title] and (not opts.title or action.title == opts.title) then
          if not action.edit and action.data ~= nil and call(client, 'supports_method', 'codeAction/resolve') then
            local r = call(client, 'request_sync', 'codeAction/resolve', action, opts.timeout_ms or 3000, bufnr)
            action = (r and r.result) or action
          end
          local we = action.edit or {}
          local list = vim.deepcopy((we.changes or {})[uri] or {})
          for _, dc in ipairs(we.documentChanges or {}) do
            if dc.textDocument and dc.textDocument.uri == uri then
              vim.list_extend(list, dc.edits)
            end
          end
          if #list > 0 then
            by_title[action.title] = list
            if not counts[action.title] then
              order[#order + 1] = action.title
            end
            counts[action.title] = (counts[action.title] or 0) + 1
          end
        end
      end
      per_diag[#per_diag + 1] = by_title
    end
  end
  -- without a title: the fix offered for the most findings (ties: the server's order)
  local title = opts.title
  if not title then
    for _, t in ipairs(order) do
      if not title or counts[t] > counts[title] then
        title = t
      end
    end
  end
  local edits = {}
  for _, by_title in ipairs(per_diag) do
    vim.list_extend(edits, by_title[title] or {})
  end
  local kept, skipped = M.merge_edits(edits)
  if #kept > 0 then
    vim.lsp.util.apply_text_edits(kept, bufnr, client.offset_encoding)
  end
  if skipped > 0 then
    notify(('%d overlapping fix(es) left for a second run'):format(skipped), vim.log.levels.WARN)
  end
  return #kept
end

local function create_commands()
  vim.api.nvim_create_user_command('CopydeskRestart', function()
    M.restart()
  end, { desc = 'Restart the copydesk language server' })
  vim.api.nvim_create_user_command('CopydeskFixAll', function(a)
    local n = M.fix_all(a.fargs[1], { title = a.fargs[2] and table.concat(a.fargs, ' ', 2) or nil })
    notify(('applied %d fix(es) for %s'):format(n, a.fargs[1]))
  end, {
    nargs = '+',
    desc = 'Apply one quick fix to every copydesk finding of a check: :CopydeskFixAll {check} [fix title]',
    complete = function(arglead, cmdline)
      if select(2, cmdline:gsub('%s+', '')) > 1 then
        return {}
      end
      return vim.tbl_filter(function(c)
        return c:find(arglead, 1, true) == 1
      end, M.codes)
    end,
  })
end

--- Configures and starts copydesk for Markdown and text buffers.
---@param opts table|nil
function M.setup(opts)
  M.options = vim.tbl_deep_extend('force', {}, defaults, opts or {})
  if vim.fn.has('nvim-0.10') ~= 1 then
    notify('needs Neovim 0.10 or newer', vim.log.levels.ERROR)
    return
  end
  for _, p in ipairs(M.validate(M.options.settings or {})) do
    notify(p, vim.log.levels.WARN)
  end
  if M.options.commands then
    create_commands()
  end
  local ok, msg = M.find_binary(M.options.cmd)
  if not ok then
    notify('the language server was not started: ' .. msg, vim.log.levels.ERROR)
    return
  end
  local cfg = M.client_config(M.options)
  if has_vim_lsp_config() and M.options.use_lsp_enable ~= false then
    cfg.name = nil
    vim.lsp.config(M.name, cfg)
    vim.lsp.enable(M.name)
    M.mode = 'vim.lsp.enable'
  else
    local group = vim.api.nvim_create_augroup('copydesk', { clear = true })
    vim.api.nvim_create_autocmd('FileType', {
      group = group,
      pattern = M.options.filetypes,
      callback = function(args)
        M.start(args.buf)
      end,
    })
    M.mode = 'vim.lsp.start'
    -- buffers opened before setup()
    for _, b in ipairs(vim.api.nvim_list_bufs()) do
      if vim.api.nvim_buf_is_loaded(b) and vim.tbl_contains(M.options.filetypes, vim.bo[b].filetype) then
        M.start(b)
      end
    end
  end
end

return M
