package ui

import (
	"fmt"
	"image"
	"image/color"
	"os"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// frameProbe measures how often the live panels' updates reach the
// screen, for bench/gui.sh: with STUDIO_FRAME_LOG=FILE set, a one-pixel
// raster in the loop panel is refreshed with every snapshot shown, and its
// generator, which the GL painter calls only when it paints the raster
// anew, counts the frames painted with a panel update. Every quarter second the
// counts so far are appended to FILE as "unix_ms painted updates". Without
// the variable there is no probe.
type frameProbe struct {
	raster  *canvas.Raster
	painted atomic.Int64
	updates atomic.Int64
}

// frameLogEnv names the file the probe writes.
const frameLogEnv = "STUDIO_FRAME_LOG"

func newFrameProbe() *frameProbe {
	path := os.Getenv(frameLogEnv)
	if path == "" {
		return nil
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
	if err != nil {
		fmt.Fprintf(os.Stderr, "studio: %s: %v\n", frameLogEnv, err)
		return nil
	}
	p := &frameProbe{}
	px := image.NewNRGBA(image.Rect(0, 0, 1, 1))
	p.raster = canvas.NewRaster(func(w, h int) image.Image {
		p.painted.Add(1)
		n := uint8(p.painted.Load())
		px.SetNRGBA(0, 0, color.NRGBA{n, n, n, 0x01}) // a different image each time: no cache can skip it
		return px
	})
	p.raster.SetMinSize(fyne.NewSize(1, 1))
	// The probe lives as long as the process: it is a benchmark's.
	go func() {
		for range time.Tick(250 * time.Millisecond) {
			fmt.Fprintf(f, "%d %d %d\n", time.Now().UnixMilli(), p.painted.Load(), p.updates.Load())
		}
	}()
	return p
}

// update marks a panel update: the next frame paints the probe again.
func (p *frameProbe) update() {
	if p == nil {
		return
	}
	p.updates.Add(1)
	p.raster.Refresh()
}

// object is the probe's canvas object, or nil.
func (p *frameProbe) object() fyne.CanvasObject {
	if p == nil {
		return nil
	}
	return p.raster
}
