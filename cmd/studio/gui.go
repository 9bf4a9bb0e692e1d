package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"github.com/studiojs/studio/launch"
	"github.com/studiojs/studio/ui"
)

// openGUI opens Studio's window on a project folder ("" for the bundled
// example) and returns when it is closed. Tests replace it.
var openGUI = func(project string, stderr io.Writer) int {
	dir, err := os.UserConfigDir()
	if err != nil {
		dir = os.TempDir()
	}
	if project == "" {
		project, err = ui.BundledExample(filepath.Join(dir, "studio", "examples"))
		if err != nil {
			fmt.Fprintf(stderr, "studio: %v\n", err)
			return 1
		}
	}
	startPrecompile()
	// Studio calls Fyne only on its UI goroutine and hands everything else
	// over with fyne.Do: say so (what FyneApp.toml's fyneDo migration says
	// for `fyne build`), or Fyne checks the calling goroutine on every
	// refresh with runtime.Stack, which took most of the UI thread's time
	// with the live panels refreshing 30 times a second (bench/gui.sh).
	app.SetMetadata(fyne.AppMetadata{ID: "dev.studiojs.studio", Name: "Studio", Migrations: map[string]bool{"fyneDo": true}})
	a := app.NewWithID("dev.studiojs.studio")
	w := ui.New(a, ui.Options{Project: project, Launcher: launchProgram,
		BackupDir: filepath.Join(dir, "studio", "backups")})
	w.Fyne().ShowAndRun()
	return 0
}

// launchProgram starts a program in-process for the window: ui describes
// it, launch runs it (ui never imports the runtime).
func launchProgram(spec ui.RunSpec) (ui.Program, error) {
	p, err := launch.Start(launch.Spec(spec))
	if err != nil {
		return nil, err
	}
	return p, nil
}
