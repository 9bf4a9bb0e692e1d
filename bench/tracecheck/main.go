// Command tracecheck reads a Chrome trace written by `studio run
// --trace-out` (streaming the JSON array, so a large file needs little
// memory) and checks its structure as the trace tests do: it parses, every
// async b has its e, every B its E on the same thread in stack order,
// every complete slice (X) lies inside a callback, every flow end has its
// start, and every thread with slices is named. It prints the event
// counts and exits 1 on the first problems found.
// Usage: tracecheck FILE.json
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
)

type event struct {
	Name string `json:"name"`
	Ph   string `json:"ph"`
	ID   uint64 `json:"id"`
	Tid  int    `json:"tid"`
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: tracecheck FILE.json")
		os.Exit(2)
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "tracecheck:", err)
		os.Exit(2)
	}
	defer f.Close()
	problems, summary, err := check(bufio.NewReaderSize(f, 1<<20))
	if err != nil {
		fmt.Fprintln(os.Stderr, "tracecheck:", err)
		os.Exit(1)
	}
	fmt.Println(summary)
	for i, p := range problems {
		if i == 20 {
			fmt.Printf("... and %d more\n", len(problems)-20)
			break
		}
		fmt.Println("problem:", p)
	}
	if len(problems) > 0 {
		os.Exit(1)
	}
}

func check(r io.Reader) (problems []string, summary string, err error) {
	dec := json.NewDecoder(r)
	if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
		return nil, "", fmt.Errorf("reading the trace: not a JSON array (%v)", err)
	}
	named := map[int]bool{}
	async := map[uint64]int{}
	stacks := map[int][]string{}
	flowStarts := map[uint64]bool{}
	count := map[string]int{}
	n := 0
	for dec.More() {
		var e event
		if err := dec.Decode(&e); err != nil {
			return nil, "", fmt.Errorf("reading event %d: %w", n, err)
		}
		n++
		count[e.Ph]++
		switch e.Ph {
		case "M":
			if e.Name == "thread_name" {
				named[e.Tid] = true
			}
		case "b":
			async[e.ID]++
		case "e":
			async[e.ID]--
			if async[e.ID] < 0 {
				problems = append(problems, fmt.Sprintf("event %d: async e of %d without b", n, e.ID))
			}
		case "B":
			stacks[e.Tid] = append(stacks[e.Tid], e.Name)
		case "E":
			st := stacks[e.Tid]
			switch {
			case len(st) == 0:
				problems = append(problems, fmt.Sprintf("event %d: E %q without B on tid %d", n, e.Name, e.Tid))
			case e.Name != "" && e.Name != st[len(st)-1]:
				problems = append(problems, fmt.Sprintf("event %d: E %q closes B %q on tid %d", n, e.Name, st[len(st)-1], e.Tid))
				stacks[e.Tid] = st[:len(st)-1]
			default:
				stacks[e.Tid] = st[:len(st)-1]
			}
		case "X":
			if len(stacks[e.Tid]) == 0 {
				problems = append(problems, fmt.Sprintf("event %d: slice %q outside any callback", n, e.Name))
			}
		case "s":
			flowStarts[e.ID] = true
		case "f":
			if !flowStarts[e.ID] {
				problems = append(problems, fmt.Sprintf("event %d: flow end %d without start", n, e.ID))
			}
		}
	}
	if tok, err := dec.Token(); err != nil || tok != json.Delim(']') {
		return nil, "", fmt.Errorf("reading the trace: the array does not close (%v)", err)
	}
	for id, k := range async {
		if k != 0 {
			problems = append(problems, fmt.Sprintf("async op %d: %d b without e", id, k))
		}
	}
	for tid, st := range stacks {
		if len(st) != 0 {
			problems = append(problems, fmt.Sprintf("tid %d: %d slices never closed", tid, len(st)))
		}
		if !named[tid] {
			problems = append(problems, fmt.Sprintf("tid %d has no thread_name", tid))
		}
	}
	summary = fmt.Sprintf("events %d: b %d e %d B %d E %d X %d s %d f %d C %d M %d", n,
		count["b"], count["e"], count["B"], count["E"], count["X"], count["s"], count["f"], count["C"], count["M"])
	return problems, summary, nil
}
