//go:build linux

package nodelib

import (
	"bufio"
	"errors"
	"net"
	"os"
	"os/user"
	"runtime"
	"strconv"
	"strings"
	"syscall"

	"github.com/dop251/goja"
	"golang.org/x/sys/unix"
)

// internalBinding('os') (node/src/node_os.cc over libuv) for Linux, reading the same kernel
// sources libuv reads (/proc, uname, sysinfo, getifaddrs).

// clockTicks is USER_HZ, the unit of /proc/stat; Linux fixes it at 100 for user space.
const clockTicks = 100

func init() {
	bindingMakers["os"] = func(l *Lib) *goja.Object {
		vm := l.vm
		b := vm.NewObject()
		// sysErr fills the ctx object node's JS passes in, as node's CollectUVExceptionInfo does.
		sysErr := func(ctx goja.Value, syscallName string, err error) goja.Value {
			o, ok := ctx.(*goja.Object)
			if !ok {
				return goja.Undefined()
			}
			var errno syscall.Errno
			code := "UNKNOWN"
			msg := err.Error()
			if errors.As(err, &errno) {
				_ = o.Set("errno", -int(errno))
				code = errnoName(errno)
				msg = errno.Error()
			}
			_ = o.Set("code", code)
			_ = o.Set("message", msg)
			_ = o.Set("syscall", syscallName)
			return goja.Undefined()
		}
		_ = b.Set("getHostname", func(ctx goja.Value) goja.Value {
			h, err := os.Hostname()
			if err != nil {
				return sysErr(ctx, "uv_os_gethostname", err)
			}
			return vm.ToValue(h)
		})
		_ = b.Set("getOSInformation", func(ctx goja.Value) goja.Value {
			var u unix.Utsname
			if err := unix.Uname(&u); err != nil {
				return sysErr(ctx, "uv_os_uname", err)
			}
			return vm.NewArray(unix.ByteSliceToString(u.Sysname[:]), unix.ByteSliceToString(u.Version[:]),
				unix.ByteSliceToString(u.Release[:]), unix.ByteSliceToString(u.Machine[:]))
		})
		_ = b.Set("getHomeDirectory", func(ctx goja.Value) goja.Value {
			if h := os.Getenv("HOME"); h != "" {
				return vm.ToValue(h)
			}
			u, err := user.Current()
			if err != nil {
				return sysErr(ctx, "uv_os_homedir", err)
			}
			return vm.ToValue(u.HomeDir)
		})
		_ = b.Set("getUptime", func(ctx goja.Value) goja.Value {
			data, err := os.ReadFile("/proc/uptime")
			if err == nil {
				if f := strings.Fields(string(data)); len(f) > 0 {
					if v, err := strconv.ParseFloat(f[0], 64); err == nil {
						return vm.ToValue(v)
					}
				}
			}
			var ts unix.Timespec
			if err := unix.ClockGettime(unix.CLOCK_BOOTTIME, &ts); err != nil {
				return sysErr(ctx, "uv_uptime", err)
			}
			return vm.ToValue(float64(ts.Sec))
		})
		_ = b.Set("getLoadAvg", func(arr *goja.Object) {
			var si unix.Sysinfo_t
			if err := unix.Sysinfo(&si); err != nil {
				return
			}
			for i := 0; i < 3; i++ {
				_ = arr.Set(strconv.Itoa(i), float64(si.Loads[i])/65536)
			}
		})
		_ = b.Set("getTotalMem", func() float64 { return meminfo("MemTotal:") })
		_ = b.Set("getFreeMem", func() float64 { return meminfo("MemAvailable:") })
		_ = b.Set("getAvailableParallelism", func() int { return runtime.NumCPU() })
		_ = b.Set("isBigEndian", false)
		_ = b.Set("getCPUs", func() goja.Value {
			cpus := readCPUs()
			if cpus == nil {
				return goja.Undefined()
			}
			return vm.NewArray(cpus...)
		})
		_ = b.Set("getInterfaceAddresses", func(ctx goja.Value) goja.Value {
			data, err := interfaceAddresses()
			if err != nil {
				return sysErr(ctx, "uv_interface_addresses", err)
			}
			return vm.NewArray(data...)
		})
		_ = b.Set("getPriority", func(pid int, ctx goja.Value) goja.Value {
			// The raw syscall returns 20 - nice.
			p, err := unix.Getpriority(unix.PRIO_PROCESS, pid)
			if err != nil {
				return sysErr(ctx, "uv_os_getpriority", err)
			}
			return vm.ToValue(20 - p)
		})
		_ = b.Set("setPriority", func(pid, prio int, ctx goja.Value) int {
			if err := unix.Setpriority(unix.PRIO_PROCESS, pid, prio); err != nil {
				sysErr(ctx, "uv_os_setpriority", err)
				return -1
			}
			return 0
		})
		_ = b.Set("getUserInfo", func(options, ctx goja.Value) goja.Value {
			u, err := user.Current()
			if err != nil {
				return sysErr(ctx, "uv_os_get_passwd", err)
			}
			o := vm.NewObject()
			uid, _ := strconv.Atoi(u.Uid)
			gid, _ := strconv.Atoi(u.Gid)
			_ = o.Set("uid", uid)
			_ = o.Set("gid", gid)
			_ = o.Set("username", u.Username)
			_ = o.Set("homedir", u.HomeDir)
			_ = o.Set("shell", loginShell(u.Username))
			return o
		})
		return b
	}
}

func meminfo(key string) float64 {
	f, err := os.Open("/proc/meminfo")
	if err != nil {
		return 0
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if rest, ok := strings.CutPrefix(s.Text(), key); ok {
			if fields := strings.Fields(rest); len(fields) > 0 {
				kb, _ := strconv.ParseFloat(fields[0], 64)
				return kb * 1024
			}
		}
	}
	return 0
}

// readCPUs returns node's flat cpu list: model, speed (MHz), user, nice, sys, idle, irq (ms).
func readCPUs() []any {
	stat, err := os.ReadFile("/proc/stat")
	if err != nil {
		return nil
	}
	var models []string
	var speeds []float64
	if info, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(info), "\n") {
			k, v, ok := strings.Cut(line, ":")
			if !ok {
				continue
			}
			switch strings.TrimSpace(k) {
			case "model name":
				models = append(models, strings.TrimSpace(v))
			case "cpu MHz":
				f, _ := strconv.ParseFloat(strings.TrimSpace(v), 64)
				speeds = append(speeds, f)
			}
		}
	}
	var out []any
	i := 0
	for _, line := range strings.Split(string(stat), "\n") {
		f := strings.Fields(line)
		if len(f) < 8 || !strings.HasPrefix(f[0], "cpu") || f[0] == "cpu" {
			continue
		}
		model, speed := "unknown", 0
		if i < len(models) {
			model = models[i]
		}
		if b, err := os.ReadFile("/sys/devices/system/cpu/" + f[0] + "/cpufreq/scaling_cur_freq"); err == nil {
			if khz, err := strconv.Atoi(strings.TrimSpace(string(b))); err == nil {
				speed = khz / 1000
			}
		} else if i < len(speeds) {
			speed = int(speeds[i])
		}
		ms := func(s string) int64 {
			n, _ := strconv.ParseInt(s, 10, 64)
			return n * (1000 / clockTicks)
		}
		out = append(out, model, speed, ms(f[1]), ms(f[2]), ms(f[3]), ms(f[4]), ms(f[6]))
		i++
	}
	return out
}

// interfaceAddresses returns node's flat list: name, address, netmask, family, mac, internal,
// scopeid (-1 for IPv4).
func interfaceAddresses() ([]any, error) {
	ifs, err := net.Interfaces()
	if err != nil {
		return nil, err
	}
	var out []any
	for _, ifc := range ifs {
		if ifc.Flags&net.FlagUp == 0 {
			continue
		}
		addrs, err := ifc.Addrs()
		if err != nil {
			continue
		}
		mac := ifc.HardwareAddr.String()
		if mac == "" {
			mac = "00:00:00:00:00:00"
		}
		internal := ifc.Flags&net.FlagLoopback != 0
		for _, a := range addrs {
			ipn, ok := a.(*net.IPNet)
			if !ok {
				continue
			}
			if ip4 := ipn.IP.To4(); ip4 != nil {
				out = append(out, ifc.Name, ip4.String(), net.IP(ipn.Mask).String(), "IPv4", mac, internal, -1)
				continue
			}
			scope := 0
			if ipn.IP.IsLinkLocalUnicast() {
				scope = ifc.Index
			}
			out = append(out, ifc.Name, ipn.IP.String(), net.IP(ipn.Mask).String(), "IPv6", mac, internal, scope)
		}
	}
	return out, nil
}

// loginShell reads the user's shell from /etc/passwd, as getpwuid_r reports it.
func loginShell(name string) string {
	data, err := os.ReadFile("/etc/passwd")
	if err != nil {
		return ""
	}
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Split(line, ":")
		if len(f) >= 7 && f[0] == name {
			return f[6]
		}
	}
	return ""
}

// errnoName is libuv's error name for errno ("ENOENT").
func errnoName(e syscall.Errno) string {
	if n := unix.ErrnoName(e); n != "" {
		return n
	}
	return "UNKNOWN"
}
