// Package locale keeps Fyne quiet about POSIX locales. Fyne's lang package
// parses the user's locale in its init and logs an error for "C" and
// "POSIX" (LANG=C.UTF-8 is the default of Debian's root shells and of most
// containers), on stderr, before main runs, for every `studio run`. This
// package has no dependencies beyond os, so Go's initialisation order (by
// import path, once a package's imports are done) runs its init before
// golang.org/x/text and therefore before Fyne's lang: it gives those
// variables a locale Fyne can parse for the time of the inits, and Restore,
// first thing in main, puts the user's values back, so the program under
// Studio sees its own environment.
package locale

import (
	"os"
	"strings"
)

var vars = []string{"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}

type saved struct {
	name, value string
	set         bool
}

var changed []saved

func init() {
	for _, name := range vars {
		v, ok := os.LookupEnv(name)
		if !ok || !posix(v) {
			continue
		}
		changed = append(changed, saved{name, v, ok})
		_ = os.Setenv(name, "en_US.UTF-8")
	}
}

// posix reports whether v is a locale without a language: C, POSIX, C.UTF-8.
func posix(v string) bool {
	base, _, _ := strings.Cut(v, ".")
	return base == "C" || base == "POSIX" || base == ""
}

// Restore puts back the variables init changed.
func Restore() {
	for _, s := range changed {
		_ = os.Setenv(s.name, s.value)
	}
	changed = nil
}
