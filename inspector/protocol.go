package inspector

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"
)

// nodeProtocol is what node 20.20.2 serves at /json/protocol: the
// protocol's domains as V8 and node declare them (V8's BSD and node's MIT
// licences). Studio follows these declarations, so it reuses them.
//
//go:embed node20-protocol.json
var nodeProtocol []byte

// protocolDomain is one domain of /json/protocol, in node's field order.
type protocolDomain struct {
	Domain       string            `json:"domain"`
	Description  json.RawMessage   `json:"description,omitempty"`
	Experimental json.RawMessage   `json:"experimental,omitempty"`
	Deprecated   json.RawMessage   `json:"deprecated,omitempty"`
	Dependencies json.RawMessage   `json:"dependencies,omitempty"`
	Types        json.RawMessage   `json:"types,omitempty"`
	Commands     []json.RawMessage `json:"commands"`
	Events       json.RawMessage   `json:"events,omitempty"`
}

// protocolJSON is Studio's /json/protocol: node's declarations cut down to
// the commands Studio answers (the methods table), so that a client that
// builds its API from this document (chrome-remote-interface does) sees
// what works, not node's full list. A domain keeps node's types and events;
// a command node does not declare (Studio's own domain) is listed by name.
var protocolJSON = sync.OnceValues(func() ([]byte, error) {
	return buildProtocol(nodeProtocol, implemented())
})

// implemented lists the methods table's keys. The table is filled by init
// functions and only read afterwards.
func implemented() []string {
	names := make([]string, 0, len(methods))
	for name := range methods {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

func buildProtocol(node []byte, names []string) ([]byte, error) {
	var doc struct {
		Version json.RawMessage  `json:"version"`
		Domains []protocolDomain `json:"domains"`
	}
	if err := json.Unmarshal(node, &doc); err != nil {
		return nil, fmt.Errorf("reading node's protocol: %w", err)
	}
	want := map[string]map[string]bool{} // domain -> command -> listed yet
	for _, name := range names {
		domain, cmd, ok := strings.Cut(name, ".")
		if !ok {
			continue
		}
		if want[domain] == nil {
			want[domain] = map[string]bool{}
		}
		want[domain][cmd] = false
	}
	var out []protocolDomain
	for _, d := range doc.Domains {
		cmds := want[d.Domain]
		if cmds == nil {
			continue
		}
		kept := d
		kept.Commands = nil
		for _, raw := range d.Commands {
			var c struct {
				Name string `json:"name"`
			}
			if err := json.Unmarshal(raw, &c); err != nil {
				return nil, fmt.Errorf("reading node's %s commands: %w", d.Domain, err)
			}
			if _, ok := cmds[c.Name]; ok {
				kept.Commands = append(kept.Commands, raw)
				cmds[c.Name] = true
			}
		}
		out = append(out, kept)
		delete(want, d.Domain)
		for _, c := range sortedKeys(cmds) {
			if !cmds[c] {
				out[len(out)-1].Commands = append(out[len(out)-1].Commands, nameOnly(c))
			}
		}
	}
	for _, domain := range sortedKeys(want) {
		d := protocolDomain{Domain: domain}
		for _, c := range sortedKeys(want[domain]) {
			d.Commands = append(d.Commands, nameOnly(c))
		}
		out = append(out, d)
	}
	doc.Domains = out
	return json.Marshal(doc)
}

func nameOnly(cmd string) json.RawMessage {
	b, _ := json.Marshal(struct {
		Name string `json:"name"`
	}{cmd})
	return b
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
