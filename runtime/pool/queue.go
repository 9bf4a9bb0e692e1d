package pool

// deque is a FIFO ring buffer. A slice used as a queue (q = q[1:]) would
// keep the popped prefix alive and reallocate on every growth; the ring
// reuses its storage, which matters when 100k requests are queued.
type deque[T any] struct {
	buf  []T // len(buf) is 0 or a power of two
	head int
	n    int
}

func (d *deque[T]) len() int { return d.n }

func (d *deque[T]) pushBack(v T) {
	if d.n == len(d.buf) {
		d.grow()
	}
	d.buf[(d.head+d.n)&(len(d.buf)-1)] = v
	d.n++
}

func (d *deque[T]) popFront() T {
	var zero T
	v := d.buf[d.head]
	d.buf[d.head] = zero // release references held by the job's closures
	d.head = (d.head + 1) & (len(d.buf) - 1)
	d.n--
	return v
}

// at returns the i-th element from the front, 0 <= i < len.
func (d *deque[T]) at(i int) T {
	return d.buf[(d.head+i)&(len(d.buf)-1)]
}

func (d *deque[T]) grow() {
	size := max(16, 2*len(d.buf))
	buf := make([]T, size)
	for i := range d.n {
		buf[i] = d.at(i)
	}
	d.buf = buf
	d.head = 0
}

// clear drops every element and the storage.
func (d *deque[T]) clear() {
	*d = deque[T]{}
}
