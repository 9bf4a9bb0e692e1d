package trace

import "strings"

// IsIORequest reports whether an async resource type is an I/O request,
// whose one callback completes it (FSREQCALLBACK, GETADDRINFOREQWRAP,
// TCPCONNECTWRAP, ...), as the latency profile and the warnings count them.
// The others are timers, ticks, promises and long-lived handles (their
// callbacks are not the completion of one request). A switch, not a map:
// it runs per record when a subscriber filters by Interest.
func IsIORequest(typ string) bool {
	switch typ {
	case "Timeout", "Immediate", "TickObject", "PROMISE", "Microtask",
		"TCPWRAP", "TCPSERVERWRAP", "PIPEWRAP", "PIPESERVERWRAP", "PROCESSWRAP",
		"TTYWRAP", "SIGNALWRAP", "FSEVENTWRAP", "STATWATCHER", "UDPWRAP",
		"HTTPINCOMINGMESSAGE", "HTTPCLIENTREQUEST", "FILEHANDLE", "ELDHISTOGRAM",
		"WEBSOCKET", "ZLIB", "Main", "":
		return false
	}
	return true
}

// UserFrame is the first frame of a stack that is the program's own code,
// not Node's or Studio's library code; ok is false when there is none.
func UserFrame(stack []Frame) (f Frame, ok bool) {
	for _, f := range stack {
		if f.File == "" || strings.HasPrefix(f.File, "node:") || strings.HasPrefix(f.File, "studio:") {
			continue
		}
		return f, true
	}
	return Frame{}, false
}

// CalledAPI names the library function a program called that led to the
// record with this stack, as "module.function" ("fs.readFileSync"): the
// library frame just before the program's own first frame. ok is false
// when the stack has no such pair (no library frame, or no program frame).
func CalledAPI(stack []Frame) (name string, ok bool) {
	for i, f := range stack {
		if f.File == "" || strings.HasPrefix(f.File, "node:") || strings.HasPrefix(f.File, "studio:") {
			continue
		}
		if i == 0 {
			return "", false
		}
		lib := stack[i-1]
		mod, found := strings.CutPrefix(lib.File, "node:")
		if !found || lib.Function == "" {
			return "", false
		}
		fn := lib.Function
		if j := strings.LastIndexByte(fn, '.'); j >= 0 {
			fn = fn[j+1:] // "Object.readFileSync"
		}
		return mod + "." + fn, true
	}
	return "", false
}
