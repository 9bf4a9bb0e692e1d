package nodelib

import (
	"os"

	"golang.org/x/sys/unix"
)

func isTerminal(fd int) bool {
	_, err := unix.IoctlGetTermios(fd, unix.TCGETS)
	return err == nil
}

func lookupEnv(name string) (string, bool) {
	return os.LookupEnv(name)
}
