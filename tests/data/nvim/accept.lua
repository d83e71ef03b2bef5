-- The end-to-end test's part in Neovim (tests/cli/nvim.rs): with the locale file open,
-- wait for the server's `stale` diagnostic, apply the "Accept against the current
-- English" code action the server offers there, write the file and quit. Any failure
-- quits with code 3 and says why on standard error.
local bufnr = vim.api.nvim_get_current_buf()

local function fail(msg)
  io.stderr:write("accept.lua: " .. msg .. "\n")
  vim.cmd("cquit 3")
end

local function stale()
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.message:find("^stale") then
      return d
    end
  end
end

if not vim.wait(20000, function() return stale() ~= nil end, 20) then
  fail("no stale diagnostic within 20 s")
  return
end
local d = stale()
local client = vim.lsp.get_active_clients()[1]
if not client then
  fail("no client")
  return
end
local pos = { line = d.lnum, character = d.col }
local params = {
  textDocument = { uri = vim.uri_from_bufnr(bufnr) },
  range = { start = pos, ["end"] = pos },
  context = { diagnostics = {} },
}
local resp = client.request_sync("textDocument/codeAction", params, 20000, bufnr)
if not resp or resp.err or not resp.result then
  fail("codeAction: " .. vim.inspect(resp))
  return
end
local applied = false
for _, action in ipairs(resp.result) do
  if action.title == "Accept against the current English" then
    vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
    applied = true
  end
end
if not applied then
  fail("no accept action among " .. vim.inspect(resp.result))
  return
end
vim.cmd("write")
-- The server checks the written text again: the stale diagnostic goes away.
if not vim.wait(20000, function() return stale() == nil end, 20) then
  fail("the stale diagnostic stayed after accepting")
  return
end
vim.cmd("qall!")
