package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The bundled example's lessons print what node v20 prints, up to times.
// testdata/lessons/*.out were recorded from node with the normalisation
// below:
//
//	cd assets/examples/event-loop-tour && node . | <normaliseLesson> > .../tour.out
//	node lessons/NAME.js | <normaliseLesson> > .../NAME.out

var lessonTimes = []struct {
	re   *regexp.Regexp
	repl string
}{
	{regexp.MustCompile(`\[ *[0-9.]+ ms\]`), "[t]"},
	{regexp.MustCompile(`ran after [0-9]+ ms, once`), "ran after N ms, once"},
	{regexp.MustCompile(`(?m)^Event loop tour on .*$`), "Event loop tour on RUNTIME"},
	// From the main module, setTimeout(0) against setImmediate depends on
	// how long the loop took to start (the lesson says so, and node varies
	// too under load): either order is right, so both read as node's.
	{regexp.MustCompile(`(?m)^(  \[t\] check phase: setImmediate\n)(  \[t\] timers phase: setTimeout\(0\) \(really 1 ms\)\n)`), "$2$1"},
}

func normaliseLesson(s string) string {
	for _, x := range lessonTimes {
		s = x.re.ReplaceAllString(s, x.repl)
	}
	// From the main module, setTimeout(0) and setImmediate run in either
	// order, in node too (lesson 1 says so): take them in one order.
	const imm, tim = "  [t] check phase: setImmediate\n", "  [t] timers phase: setTimeout(0) (really 1 ms)\n"
	return strings.Replace(s, tim+imm, imm+tim, 1)
}

func TestLessons(t *testing.T) {
	tour := filepath.Join("..", "..", "assets", "examples", "event-loop-tour")
	for name, target := range map[string]string{
		"tour":                 tour,
		"fs-heavy":             filepath.Join(tour, "lessons", "fs-heavy.js"),
		"http-server":          filepath.Join(tour, "lessons", "http-server.js"),
		"microtask-starvation": filepath.Join(tour, "lessons", "microtask-starvation.js"),
	} {
		t.Run(name, func(t *testing.T) {
			want, err := os.ReadFile(filepath.Join("testdata", "lessons", name+".out"))
			if err != nil {
				t.Fatal(err)
			}
			var stdout, stderr bytes.Buffer
			if code := run([]string{"run", target}, &stdout, &stderr); code != 0 {
				t.Fatalf("exit %d: %s", code, stderr.String())
			}
			if got := normaliseLesson(stdout.String()); got != string(want) {
				t.Errorf("output:\n%s\nnode's:\n%s", got, want)
			}
		})
	}
	// The unhandled rejection ends the program as node does: exit code 1,
	// the error on stderr, and the 50 ms timer never runs.
	t.Run("unhandled-rejection", func(t *testing.T) {
		var stdout, stderr bytes.Buffer
		code := run([]string{"run", filepath.Join(tour, "lessons", "unhandled-rejection.js")}, &stdout, &stderr)
		if code != 1 || stdout.String() != "main: loading the config, forgetting to catch\n" {
			t.Errorf("exit %d, stdout %q", code, stdout.String())
		}
		if !strings.Contains(stderr.String(), "Error: config app.json not found\n    at loadConfig (") {
			t.Errorf("stderr:\n%s", stderr.String())
		}
	})
}

// The one order the lessons leave to chance reads the same either way.
func TestNormaliseLessonTimeoutImmediate(t *testing.T) {
	timer := "  [ 2.0 ms] timers phase: setTimeout(0) (really 1 ms)\n"
	check := "  [ 2.1 ms] check phase: setImmediate\n"
	if a, b := normaliseLesson(timer+check), normaliseLesson(check+timer); a != b {
		t.Errorf("the two orders normalise differently:\n%s---\n%s", a, b)
	}
}
