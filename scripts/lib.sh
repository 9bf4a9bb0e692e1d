# Shared set-up for Studio's scripts: sourced, not run. Works as root and as
# a sudo user on a fresh Debian/Ubuntu machine.

GO_WANT=go1.26.8

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# apt_install PKG...: installs the Debian packages that are missing.
apt_install() {
  local missing=()
  for p in "$@"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "setup: installing ${missing[*]}" >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

go_minor() { # prints the minor version of the go on PATH, or 0
  command -v go >/dev/null 2>&1 || { echo 0; return; }
  go env GOVERSION 2>/dev/null | sed -n 's/^go1\.\([0-9]*\).*/\1/p' | grep . || echo 0
}

# ensure_go puts a Go >= 1.21 on PATH; that go then fetches the exact
# toolchain go.mod names through the module proxy by itself. Debian's own
# golang-go (1.19) cannot, so it is used only to download the toolchain
# module, which is an ordinary module on the proxy.
ensure_go() {
  [ -x /usr/local/go/bin/go ] && export PATH="/usr/local/go/bin:$PATH"
  [ -d "$HOME/.cache/studio-go/bin" ] && export PATH="$HOME/.cache/studio-go/bin:$PATH"
  if [ "$(go_minor)" -ge 21 ]; then return 0; fi
  apt_install golang-go ca-certificates
  local mod="golang.org/toolchain@v0.0.1-${GO_WANT}.linux-$(dpkg --print-architecture)"
  local tmp dir
  tmp=$(mktemp -d)
  dir=$(cd "$tmp" && GOFLAGS= GO111MODULE=on go mod download -json "$mod" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  rm -rf "$tmp"
  [ -n "$dir" ] || { echo "setup: could not download $mod" >&2; return 1; }
  rm -rf "$HOME/.cache/studio-go"
  mkdir -p "$HOME/.cache"
  cp -r "$dir" "$HOME/.cache/studio-go"
  chmod -R u+w "$HOME/.cache/studio-go"
  chmod +x "$HOME/.cache/studio-go/bin/"* "$HOME/.cache/studio-go/pkg/tool/"*/*
  export PATH="$HOME/.cache/studio-go/bin:$PATH"
  [ "$(go_minor)" -ge 21 ] || { echo "setup: Go bootstrap failed" >&2; return 1; }
}

# ensure_build_deps: gcc for cgo (the race detector and Fyne's GLFW need
# it), and the OpenGL and X11 headers Fyne builds against, as Fyne's
# install guide lists them for Debian (libgl1-mesa-dev, xorg-dev).
ensure_build_deps() {
  command -v gcc >/dev/null 2>&1 || apt_install gcc libc6-dev
  command -v git >/dev/null 2>&1 || apt_install git
  apt_install pkg-config libgl1-mesa-dev xorg-dev
}

# ensure_screen_deps: what scripts/screenshots.sh needs to show the real
# window without a display: a virtual X server with software OpenGL
# (Mesa's llvmpipe), xdotool to press keys, ImageMagick to capture.
ensure_screen_deps() {
  apt_install xvfb libgl1-mesa-dri xdotool imagemagick
}

# start_screen DISPLAY LOG: a virtual screen of the window's default size
# (1400x900) on DISPLAY, its output in LOG; exports DISPLAY once the
# server answers and leaves the server's pid in SCREEN_PID (the caller
# kills it).
start_screen() {
  Xvfb "$1" -screen 0 1400x900x24 -nolisten tcp >"$2" 2>&1 &
  SCREEN_PID=$!
  export DISPLAY=$1
  for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done 2>/dev/null || sleep 2
}
