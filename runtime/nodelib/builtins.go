package nodelib

import "sort"

// BuiltinModules is require('module').builtinModules of Node 20: every
// builtin id that may be required without the node: scheme, sorted.
func BuiltinModules() []string {
	ids := make([]string, 0, len(builtinModules))
	for id := range builtinModules {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}
