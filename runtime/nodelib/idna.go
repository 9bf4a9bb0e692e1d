package nodelib

import "golang.org/x/net/idna"

// punycodeToUnicode decodes the xn-- labels of an ASCII domain.
func punycodeToUnicode(ascii string) string {
	u, err := idna.Punycode.ToUnicode(ascii)
	if err != nil {
		return ascii
	}
	return u
}
