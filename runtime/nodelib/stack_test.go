package nodelib

import "testing"

func TestNormalizeStack(t *testing.T) {
	for name, tc := range map[string]struct{ in, want string }{
		"goja frames": {
			in:   "TypeError: Cannot read property 'x' of undefined\n\tat f (/a/b.js:6:12(44))\n\tat /a/b.js:7:1(3)\n\tat map (native)\n",
			want: "TypeError: Cannot read property 'x' of undefined\n    at f (/a/b.js:6:12)\n    at /a/b.js:7:1\n    at map (<anonymous>)",
		},
		"v8 stack untouched": {
			in:   "Error: x\n    at fake (file.js:1:1)",
			want: "Error: x\n    at fake (file.js:1:1)",
		},
		"no frames": {in: "Error: only", want: "Error: only"},
	} {
		t.Run(name, func(t *testing.T) {
			if got := NormalizeStack(tc.in); got != tc.want {
				t.Errorf("NormalizeStack(%q)\n got  %q\n want %q", tc.in, got, tc.want)
			}
		})
	}
}
