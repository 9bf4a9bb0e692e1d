package inspector

import (
	"context"
	"encoding/json"
)

func init() {
	methods["Runtime.runIfWaitingForDebugger"] = func(s *Session, _ context.Context, _ json.RawMessage) (any, error) {
		s.t.runIfWaiting()
		return nil, nil
	}
}
