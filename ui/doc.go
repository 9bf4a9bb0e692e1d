// Package ui is Studio's window (issue 6): a project's files in a tree,
// editors with colouring, line numbers and a breakpoint gutter, find
// (Ctrl+F) and go to line (Ctrl+G), run and debug controls, the console
// (stdout and stderr apart, expandable logged objects, uncaught exceptions
// with their stacks, an input line with a history), the call stack, the
// variables (editable) and watch expressions of the selected frame, the
// breakpoints list (enable, shown in the gutter too: a disabled
// breakpoint is a grey ring; hit counts, conditions, logpoints, exception
// pause), and the live event-loop panels.
//
// What the user sets is kept in the app's Preferences (fyne.App): the
// preferences (theme, editor font size, worker pool size, learning pace;
// File > Preferences), the recently opened folders (File > Open Recent)
// and each project's run configuration, the arguments and environment
// its programs get (Run > Run Configuration), each project's watch
// expressions, and the exception pause setting. A new Window applies them.
//
// An edit is never lost: Run and Debug save first, closing or quitting
// with unsaved files asks, and unsaved text is backed up to
// Options.BackupDir a second after the last change, to be restored when
// the file is opened after Studio ended without saving it.
//
// The window is a client of the inspector protocol and nothing else: a
// program is started by a [Launcher] (cmd/studio passes launch.Start),
// and everything the window shows comes through the program's
// inspector.Client (CDP's Runtime and Debugger domains, Studio's domain
// for the loop), so a tool could see the same. ui imports no runtime or
// debugger package.
//
// Only ui and cmd/studio import Fyne; the app itself (fyne.io/fyne/v2/app,
// which needs cgo and OpenGL) is created in cmd/studio, so ui's tests run
// on Fyne's software test driver.
//
// Threading: every field of [Window] belongs to the UI goroutine. Protocol
// events and program output arrive on other goroutines and are handed
// over with Options.Do (fyne.Do); protocol calls run on goroutines of their
// own and hand their answers over the same way, so a busy program never
// blocks the window. The Launcher too runs on a goroutine of its own:
// Run and Debug make the session at once, starting (Run, Debug and the
// steps disabled; Stop ends the program before its first line), and the
// breakpoints, pace and phase stop are set in the program as they are
// when it has started.
package ui
