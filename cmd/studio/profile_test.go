package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestProfileFlags runs a program with --prof-io and --trace-out: the
// table names the fs reads' call site and the trace file is a JSON array
// of trace events with the loop and a pool lane named.
func TestProfileFlags(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "io.js")
	src := "const fs = require('fs');\nfor (let i = 0; i < 5; i++) fs.readFile(__filename, () => {});\nsetTimeout(() => console.log('done'), 5);\n"
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "trace.json")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"run", "--prof-io", "--trace-out", out, file}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if stdout.String() != "done\n" {
		t.Errorf("stdout %q", stdout.String())
	}
	table := stderr.String()
	if !strings.Contains(table, "queue wait") || !strings.Contains(table, "FSREQCALLBACK") || !strings.Contains(table, file+":2") {
		t.Errorf("--prof-io table:\n%s", table)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var evs []map[string]any
	if err := json.Unmarshal(b, &evs); err != nil {
		t.Fatalf("trace is not a JSON array: %v", err)
	}
	names := map[string]bool{}
	for _, e := range evs {
		if e["ph"] == "M" {
			names[e["args"].(map[string]any)["name"].(string)] = true
		}
	}
	lanes := 0
	for n := range names {
		if strings.HasPrefix(n, "pool lane ") {
			lanes++
		}
	}
	if !names["event loop"] || lanes == 0 {
		t.Errorf("thread names %v", names)
	}
	var errb bytes.Buffer
	if code := run([]string{"run", "--trace-last", "5", file}, &stdout, &errb); code != 2 || !strings.Contains(errb.String(), "--trace-out") {
		t.Errorf("--trace-last alone: exit %d, %s", code, errb.String())
	}
}
