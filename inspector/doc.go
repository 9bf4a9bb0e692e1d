// Package inspector will be Studio's protocol server: the Chrome DevTools
// Protocol and Studio's own domain over github.com/sourcegraph/jsonrpc2, and
// the typed Go client the GUI and tools use. It is built by issue 5 on the
// debugger package; it is the only package that knows JSON-RPC.
package inspector
