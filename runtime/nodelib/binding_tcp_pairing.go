package nodelib

import (
	"net"
	"sync"
)

// tcpPairing orders the two completions of a connection made between two handles of the same
// program as libuv's single epoll_wait does: the server's onconnection before the client's
// connect callback. (The listening socket is already in the epoll set when the kernel
// completes a loopback handshake; the connecting socket joins it only on the next poll, so it
// is reported after.) Here the accept and the connect complete on two goroutines, so the
// connect goroutine waits until the accept for its connection has been posted to the loop.
//
// Only dials to one of this program's own listeners wait, and only until that listener's
// accept goroutine posts the connection or stops, or the dial is cancelled.
type tcpPairing struct {
	mu        sync.Mutex
	listeners map[int]*tcpHandle            // listening port -> server handle
	dialing   map[int]int                   // listening port -> in-process dials in flight
	accepted  map[int]map[int]chan struct{} // listening port -> client port -> closed when posted
}

func (p *tcpPairing) addListener(port int, h *tcpHandle) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.listeners == nil {
		p.listeners = map[int]*tcpHandle{}
		p.dialing = map[int]int{}
		p.accepted = map[int]map[int]chan struct{}{}
	}
	p.listeners[port] = h
}

func (p *tcpPairing) removeListener(port int, h *tcpHandle) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.listeners[port] == h {
		delete(p.listeners, port)
	}
}

// beginDial registers a dial to target and returns the listener's accept-stopped channel, or
// nil when target is not one of this program's listeners.
func (p *tcpPairing) beginDial(target *net.TCPAddr) <-chan struct{} {
	p.mu.Lock()
	defer p.mu.Unlock()
	h := p.listeners[target.Port]
	if h == nil || !target.IP.IsLoopback() {
		return nil
	}
	if a, ok := h.ln.Addr().(*net.TCPAddr); !ok || !(a.IP.IsUnspecified() || a.IP.Equal(target.IP)) {
		return nil
	}
	p.dialing[target.Port]++
	return h.acceptDone
}

// acceptedChan returns the channel closed once the accept of client port client on listener
// port port is posted. Callers hold p.mu.
func (p *tcpPairing) acceptedChan(port, client int) chan struct{} {
	m := p.accepted[port]
	if m == nil {
		m = map[int]chan struct{}{}
		p.accepted[port] = m
	}
	ch := m[client]
	if ch == nil {
		ch = make(chan struct{})
		m[client] = ch
	}
	return ch
}

// waitAccept returns the channel to wait on before posting a connect from client port client.
func (p *tcpPairing) waitAccept(port, client int) <-chan struct{} {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.acceptedChan(port, client)
}

// endDial unregisters a dial begun with beginDial.
func (p *tcpPairing) endDial(port, client int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.accepted[port], client)
	if p.dialing[port]--; p.dialing[port] <= 0 {
		delete(p.dialing, port)
		delete(p.accepted, port)
	}
}

// posted records that the listener on port posted the connection from client port client.
func (p *tcpPairing) posted(port, client int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.dialing[port] == 0 {
		return // no dial of this program is waiting: the peer is another program
	}
	ch := p.acceptedChan(port, client)
	select {
	case <-ch:
	default:
		close(ch)
	}
}
