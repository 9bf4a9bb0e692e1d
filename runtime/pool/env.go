package pool

import "math"

// SizeFromEnv returns the pool size libuv derives from UV_THREADPOOL_SIZE,
// given the variable's value and whether it is set (os.LookupEnv's results).
//
// libuv 1.46 (src/threadpool.c, init_threads) does:
//
//	nthreads = 4;                       // unset: DefaultSize
//	if (val != NULL) nthreads = atoi(val);
//	if (nthreads == 0) nthreads = 1;
//	if (nthreads > MAX_THREADPOOL_SIZE) nthreads = MAX_THREADPOOL_SIZE;
//
// where nthreads is an unsigned int and glibc's atoi is (int)strtol(val,
// NULL, 10). So: leading C whitespace is skipped, an optional sign and the
// longest run of decimal digits are read and anything after is ignored
// ("8x" is 8, "0x10" is 0); text with no digits ("", "abc") is 0 and becomes
// 1; values beyond the 64-bit long range saturate; the result is truncated to
// a 32-bit int and then read as unsigned. A negative value ("-1") therefore
// becomes a huge unsigned number and is capped to MaxSize (1024), not
// raised to 1, and values that wrap ("4294967297") land on their low 32 bits.
// Every case in the table test was checked against node v20, which links
// libuv 1.46, by counting the threads the pool starts.
func SizeFromEnv(val string, ok bool) int {
	if !ok {
		return DefaultSize
	}
	n := uint32(int32(atoi(val))) // C: unsigned int nthreads = (int)strtol(...)
	if n == 0 {
		n = 1
	}
	if n > MaxSize {
		n = MaxSize
	}
	return int(n)
}

// atoi is glibc's strtol(s, NULL, 10) on a platform with a 64-bit long:
// it saturates at the long range instead of wrapping.
func atoi(s string) int64 {
	i := 0
	for i < len(s) && isCSpace(s[i]) {
		i++
	}
	neg := false
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	var mag uint64
	overflow := false
	for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		d := uint64(s[i] - '0')
		if mag > (math.MaxUint64-d)/10 {
			overflow = true
			continue
		}
		mag = mag*10 + d
	}
	if neg {
		if overflow || mag > 1<<63 {
			return math.MinInt64
		}
		return -int64(mag) // for mag == 1<<63 this wraps to MinInt64, as wanted
	}
	if overflow || mag > math.MaxInt64 {
		return math.MaxInt64
	}
	return int64(mag)
}

// isCSpace is C's isspace in the "C" locale.
func isCSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}
