-- `dossier lsp` in Neovim's built-in LSP client (docs/editors.md), for Neovim 0.7 and
-- later: every *.ftl file under a directory holding l10n.toml is attached to one
-- server per project. `g:dossier_cmd` overrides the command (the tests set it).
local clients = {}

local function start(bufnr)
  local file = vim.api.nvim_buf_get_name(bufnr)
  local found = vim.fn.findfile("l10n.toml", vim.fn.fnamemodify(file, ":p:h") .. ";")
  if found == "" then
    return
  end
  local root = vim.fn.fnamemodify(found, ":p:h")
  local config = {
    name = "dossier",
    cmd = vim.g.dossier_cmd or { "dossier", "lsp" },
    root_dir = root,
  }
  if vim.lsp.start then
    -- Neovim 0.8 and later: reuses the project's client.
    vim.lsp.start(config, { bufnr = bufnr })
  else
    clients[root] = clients[root] or vim.lsp.start_client(config)
    vim.lsp.buf_attach_client(bufnr, clients[root])
  end
end

vim.api.nvim_create_autocmd({ "BufReadPost", "BufNewFile" }, {
  pattern = "*.ftl",
  callback = function(args)
    start(args.buf)
  end,
})
