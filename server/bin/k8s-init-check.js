#!/usr/bin/env node
// The command-line checker (bundle built by `npm run build`): k8s-init-check --help
require('../out/cli.js');
