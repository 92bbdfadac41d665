#!/usr/bin/env -S node --max-semi-space-size=2
// The language server (bundle built by `npm run build`): k8s-init-lsp --stdio | --node-ipc | --socket=PORT
require('../out/server.js');
