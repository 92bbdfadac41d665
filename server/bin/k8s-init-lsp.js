#!/usr/bin/env node
// The language server (bundle built by `npm run build`): k8s-init-lsp --stdio | --node-ipc | --socket=PORT
require('../out/server.js');
