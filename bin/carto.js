#!/usr/bin/env node
// The `carto` command: runs the compiled CLI (built by `npm ci` through the prepare script).
import '../dist/apps/cli/src/main.js';
