package instrument

import (
	"fmt"
	"os"
	"testing"
)

func TestProbe(t *testing.T) {
	b, _ := os.ReadFile(os.Getenv("PROBE"))
	res, err := Instrument(string(b), Options{Wrapped: os.Getenv("WRAPPED") != ""})
	if err != nil {
		fmt.Println("ERR", err)
		return
	}
	fmt.Println(res.Code)
}
