#!/usr/bin/env node
// The installed command: a committed entry point (so npm can link it before anything is built) that runs the
// compiled CLI. `npm ci` builds it (the workspace's `prepare`), `npm run build:packages` rebuilds it.
import '../dist/main.js';
