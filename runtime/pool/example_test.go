package pool_test

import (
	"context"
	"fmt"
	"os"

	"github.com/studiojs/studio/runtime/pool"
)

// Work carries its own completion: here a channel stands in for the loop's
// "run this callback on the loop goroutine" door.
func Example() {
	size := pool.SizeFromEnv(os.LookupEnv("STUDIO_EXAMPLE_UNSET_VARIABLE"))
	p := pool.New(size, nil)
	ctx, cancel := context.WithCancel(context.Background())
	stopped := make(chan error, 1)
	go func() { stopped <- p.Run(ctx) }()

	results := make(chan string, 1)
	err := p.Submit(pool.Job{Op: 5, Type: "FSREQCALLBACK", Kind: pool.KindFastIO, Work: func() {
		results <- "stat done" // the completion re-enters the loop
	}})
	if err != nil {
		fmt.Println(err)
	}
	fmt.Println(size, <-results)

	cancel()
	fmt.Println(<-stopped, p.Submit(pool.Job{Op: 6, Work: func() {}}))
	// Output:
	// 4 stat done
	// <nil> pool: closed
}
