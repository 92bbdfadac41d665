-- Headless neovim (0.7+) drives the real language server on one YAML file:
--   1. open the file -> wait for textDocument/publishDiagnostics
--   2. delete lines DELETE_FROM..DELETE_TO (0-based, end exclusive) -> neovim sends an incremental didChange
--      -> wait for the re-published diagnostics
-- Env: LSP_CMD (space-separated command), YAML_FILE, OUT_JSON,
--      SETTINGS_JSON (k8sInit section, optional; neovim 0.7 answers workspace/configuration with it but does not
--      announce the capability, so it is also pushed with didChangeConfiguration in on_init, as nvim-lspconfig does),
--      INIT_OPTIONS_JSON (initializationOptions, optional),
--      DELETE_FROM / DELETE_TO (optional), LSP_TIMEOUT_MS (default 10000).
-- Writes {ok, opened, edited, shown, errors, timings_ms} to OUT_JSON; `shown` is what vim.diagnostic holds.
local t0 = vim.loop.hrtime()
local function ms() return math.floor((vim.loop.hrtime() - t0) / 1e6) end
local file = assert(os.getenv('YAML_FILE'), 'YAML_FILE not set')
local cmd = vim.split(assert(os.getenv('LSP_CMD'), 'LSP_CMD not set'), ' ', { trimempty = true })
local timeout = tonumber(os.getenv('LSP_TIMEOUT_MS') or '10000')
local function json_env(name) return os.getenv(name) and vim.fn.json_decode(os.getenv(name)) or nil end
local settings = json_env('SETTINGS_JSON')
local init_options = json_env('INIT_OPTIONS_JSON')
local result = { ok = false, published = {}, shown = {}, errors = {}, timings_ms = {} }

local function finish()
  result.timings_ms.total = ms()
  local json = vim.fn.json_encode(result)
  local f = assert(io.open(assert(os.getenv('OUT_JSON'), 'OUT_JSON not set'), 'w'))
  f:write(json)
  f:close()
  vim.cmd(result.ok and 'qall!' or 'cquit! 1')
end

local ok, err = pcall(function()
  local client_id = vim.lsp.start_client({
    name = 'k8s-init-lsp',
    cmd = cmd,
    root_dir = vim.fn.fnamemodify(file, ':p:h'),
    settings = settings and { k8sInit = settings } or nil,
    init_options = init_options,
    handlers = {
      ['textDocument/publishDiagnostics'] = function(e, params, ctx, config)
        table.insert(result.published, { version = params.version, diagnostics = params.diagnostics, at_ms = ms() })
        vim.lsp.diagnostic.on_publish_diagnostics(e, params, ctx, config) -- what the user sees
      end,
    },
    on_init = function(client)
      result.timings_ms.initialized = ms()
      if settings then client.notify('workspace/didChangeConfiguration', { settings = client.config.settings }) end
    end,
  })
  assert(client_id, 'start_client failed')
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'yaml'
  vim.lsp.buf_attach_client(bufnr, client_id)

  if not vim.wait(timeout, function() return #result.published > 0 end, 20) then
    table.insert(result.errors, 'timeout waiting for publishDiagnostics after open')
    return
  end
  result.timings_ms.opened = ms()
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(result.shown, { code = lsp.code or d.code or vim.NIL, lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, severity = d.severity, message = d.message })
  end

  local from, to = tonumber(os.getenv('DELETE_FROM') or ''), tonumber(os.getenv('DELETE_TO') or '')
  if from and to then
    local before = #result.published
    vim.api.nvim_buf_set_lines(bufnr, from, to, false, {})
    if not vim.wait(timeout, function() return #result.published > before end, 20) then
      table.insert(result.errors, 'timeout waiting for publishDiagnostics after the edit')
      return
    end
    result.timings_ms.edited = ms()
  end
  vim.lsp.get_client_by_id(client_id).stop()
  result.ok = true
end)
if not ok then table.insert(result.errors, tostring(err)) end
finish()
