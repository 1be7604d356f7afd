-- Default client configuration for Neovim 0.11+'s vim.lsp.enable('copydesk').
-- Override any field with vim.lsp.config('copydesk', { ... }) or
-- require('copydesk').setup({ ... }).
return {
  cmd = { 'copydesk', 'lsp' },
  filetypes = { 'markdown', 'text' },
  root_markers = { '.git' },
  -- Sent as initializationOptions and answered to workspace/configuration.
  settings = {
    copydesk = {},
  },
  init_options = {},
}
