package nodelib

import (
	"io/fs"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// TestPrimordialsComplete checks that every primordial an embedded module destructures exists
// after New: a missing one (a builtin goja lacks) would be undefined and fail only when called.
func TestPrimordialsComplete(t *testing.T) {
	h := newTestHost(t)
	block := regexp.MustCompile(`(?s)const \{([^}]*)\} = primordials;`)
	name := regexp.MustCompile(`^\s*([A-Za-z_$][\w$]*)`)
	missing := map[string][]string{}
	err := fs.WalkDir(libFS, "lib", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".js") {
			return err
		}
		src, err := fs.ReadFile(libFS, path)
		if err != nil {
			return err
		}
		for _, m := range block.FindAllStringSubmatch(string(src), -1) {
			for _, item := range strings.Split(m[1], ",") {
				n := name.FindStringSubmatch(item)
				if n == nil {
					continue
				}
				if v := h.lib.primordials.Get(n[1]); v == nil {
					missing[n[1]] = append(missing[n[1]], path)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	names := make([]string, 0, len(missing))
	for n := range missing {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		t.Errorf("primordial %s is missing (used by %s)", n, strings.Join(missing[n], ", "))
	}
}
