#!/usr/bin/env node
'use strict';
// The CLI is compiled by `npm install` (the prepare script) into build/.
require('../build/cli/apa.js').main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(err && err.stack ? err.stack : String(err)); process.exitCode = 2; },
);
