// Package assets holds what Studio ships besides code: the bundled example
// projects (examples/), embedded so that the binary can open them anywhere.
package assets

import "embed"

// Examples is the examples/ tree: one folder per example project.
//
//go:embed examples
var Examples embed.FS
