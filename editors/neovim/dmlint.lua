-- dmlint's language server for Markdown buffers in Neovim 0.8 or later.
-- Put this file in ~/.config/nvim/plugin/ (or require it from init.lua).
-- The server is the project's own dmlint when installed (node_modules/.bin), else the one on PATH.
vim.api.nvim_create_autocmd('FileType', {
  pattern = 'markdown',
  callback = function(args)
    local root = vim.fs.dirname(vim.fs.find({ '.dmlintrc.json', '.dmlintrc', '.dmlintrc.yaml', '.dmlintrc.yml',
      '.dmlintrc.js', '.dmlintrc.cjs', '.dmlintrc.mjs', 'dmlint.config.js', 'dmlint.config.mjs', 'dmlint.config.cjs',
      'dmlint.config.ts', 'package.json', '.git' }, { upward = true, path = vim.fs.dirname(args.file) })[1])
    local cmd = 'dmlint-language-server'
    local mine = root and (root .. '/node_modules/.bin/dmlint-language-server')
    if mine and vim.fn.executable(mine) == 1 then cmd = mine end
    vim.lsp.start({ name = 'dmlint', cmd = { cmd, '--stdio' }, root_dir = root or vim.fn.getcwd() })
  end,
})
