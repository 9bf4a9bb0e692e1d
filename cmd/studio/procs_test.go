package main

import (
	"runtime"
	"testing"
)

func TestProcs(t *testing.T) {
	env := func(vars map[string]string) func(string) (string, bool) {
		return func(k string) (string, bool) { v, ok := vars[k]; return v, ok }
	}
	cpus := runtime.NumCPU()
	for name, tc := range map[string]struct {
		vars map[string]string
		want int
	}{
		"default pool":         {map[string]string{}, cpus + 4 + 2},
		"larger pool":          {map[string]string{"UV_THREADPOOL_SIZE": "16"}, cpus + 16 + 2},
		"smaller pool":         {map[string]string{"UV_THREADPOOL_SIZE": "1"}, cpus + 4 + 2},
		"GOMAXPROCS set":       {map[string]string{"GOMAXPROCS": "3"}, 0},
		"GOMAXPROCS set empty": {map[string]string{"GOMAXPROCS": ""}, cpus + 4 + 2},
	} {
		if got := procs(env(tc.vars)); got != tc.want {
			t.Errorf("%s: procs %d, want %d", name, got, tc.want)
		}
	}
}
