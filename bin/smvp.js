#!/usr/bin/env node
// `smvp` runs the TypeScript sources through tsx, installed with the project's dependencies.
require('tsx/cjs');
require('../src/cli/run.ts');
