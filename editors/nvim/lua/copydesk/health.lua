-- :checkhealth copydesk
local M = {}

local health = vim.health

function M.check()
  local copydesk = require('copydesk')

  health.start('copydesk: Neovim')
  local v = vim.version()
  local version = ('%d.%d.%d'):format(v.major, v.minor, v.patch)
  if vim.fn.has('nvim-0.11') == 1 then
    health.ok(('Neovim %s: vim.lsp.config / vim.lsp.enable are used'):format(version))
  elseif vim.fn.has('nvim-0.10') == 1 then
    health.ok(('Neovim %s: vim.lsp.start is used'):format(version))
  else
    health.error(('Neovim %s is too old'):format(version), { 'Use Neovim 0.10 or newer.' })
  end

  health.start('copydesk: server binary')
  local opts = copydesk.options
  local cmd = opts and opts.cmd
  if not cmd and vim.lsp.config and vim.fn.has('nvim-0.11') == 1 then
    local ok, cfg = pcall(function()
      return vim.lsp.config[copydesk.name]
    end)
    cmd = ok and cfg and type(cfg.cmd) == 'table' and cfg.cmd or nil
  end
  local found, where = copydesk.find_binary(cmd)
  if found then
    health.ok('found ' .. where)
    local ok, res = pcall(function()
      return vim.system({ where, '--version' }, { text = true }):wait(5000)
    end)
    if ok and res.code == 0 then
      health.ok('version: ' .. vim.trim(res.stdout or ''))
    else
      health.warn(('`%s --version` failed'):format(where), { 'Rebuild copydesk: cargo install --path .' })
    end
  else
    health.error(where, {
      'Install copydesk: `cargo install --path .` in a copydesk checkout (puts it in ~/.cargo/bin).',
      "Or set require('copydesk').setup({ cmd = { '/path/to/copydesk', 'lsp' } }).",
    })
  end

  health.start('copydesk: configuration')
  if opts then
    if copydesk.mode then
      health.ok(('setup() called; server wired with %s for filetypes %s'):format(
        copydesk.mode,
        table.concat(opts.filetypes or {}, ', ')
      ))
    else
      health.warn('setup() was called but did not start the server (see the binary check above)')
    end
    local problems = copydesk.validate(opts.settings or {})
    if #problems == 0 then
      health.ok('settings: ' .. vim.inspect(opts.settings or {}, { newline = ' ', indent = '' }))
    end
    for _, p in ipairs(problems) do
      health.warn(p, { 'Known checks: ' .. table.concat(copydesk.codes, ', ') })
    end
  elseif vim.fn.has('nvim-0.11') == 1 and vim.lsp.is_enabled and vim.lsp.is_enabled(copydesk.name) then
    health.ok("enabled with vim.lsp.enable('copydesk') (lsp/copydesk.lua), without setup()")
  else
    health.info("setup() has not been called: add require('copydesk').setup({}) to your config, "
      .. "or on Neovim 0.11+ vim.lsp.enable('copydesk').")
  end

  health.start('copydesk: running servers')
  local clients = copydesk.clients()
  if #clients == 0 then
    health.info('no copydesk server is running (open a Markdown or text file)')
  end
  for _, c in ipairs(clients) do
    local bufs = {}
    for b in pairs(c.attached_buffers or {}) do
      local name = vim.api.nvim_buf_get_name(b)
      bufs[#bufs + 1] = name ~= '' and vim.fn.fnamemodify(name, ':~:.') or ('[buffer ' .. b .. ']')
    end
    table.sort(bufs)
    local info = c.server_info or {}
    health.ok(('client %d: %s %s, root %s, position encoding %s, %d buffer(s): %s'):format(
      c.id,
      info.name or 'copydesk',
      info.version or '',
      c.root_dir or c.config.root_dir or '(none)',
      c.offset_encoding or '?',
      #bufs,
      table.concat(bufs, ', ')
    ))
    if c.is_stopped and (vim.fn.has('nvim-0.11') == 1 and c:is_stopped() or vim.fn.has('nvim-0.11') == 0 and c.is_stopped()) then
      health.warn(('client %d has stopped'):format(c.id), { ':CopydeskRestart starts it again' })
    end
  end
end

return M
