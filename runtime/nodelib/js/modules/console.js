'use strict';
// node's lib/console.js re-exports the global console; node's bootstrap then binds it to
// process.stdout/stderr lazily. Both happen here.
const { kBindStreamsLazy } = require('internal/console/constructor');
const globalConsole = require('internal/console/global');
globalConsole[kBindStreamsLazy](process);
module.exports = globalConsole;
