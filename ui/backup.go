package ui

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// Backups of unsaved text, so that an edit is never lost: not when the
// program under test takes Studio down with it (it runs in-process: a
// runaway allocation ends both), nor when Studio is killed. A second
// after the last change of an unsaved file its text is written to
// Options.BackupDir; saving the file, or closing it or quitting without
// saving (the user said so), removes the backup. Opening a file that has
// a backup whose text differs from the file's puts that text in the
// editor, unsaved, where undo goes back to the file's.

// backupDelay is how long after the last change a backup is written.
var backupDelay = time.Second

// backupPath is where path's backup goes: a name from a hash of the path,
// so that files of the same name in different folders do not meet.
func (w *Window) backupPath(path string) string {
	sum := sha256.Sum256([]byte(path))
	return filepath.Join(w.opts.BackupDir, hex.EncodeToString(sum[:12])+".bak")
}

// A backup file holds the path, a newline, and the text.

func readBackup(file, path string) (string, bool) {
	b, err := os.ReadFile(file)
	if err != nil {
		return "", false
	}
	head, text, ok := bytes.Cut(b, []byte("\n"))
	if !ok || string(head) != path {
		return "", false
	}
	return string(text), true
}

// editorChanged follows an edit or a save: an unsaved text is backed up
// after backupDelay without changes; a saved one needs no backup.
func (w *Window) editorChanged(ed *editor) {
	if w.opts.BackupDir == "" {
		return
	}
	if !ed.Dirty() {
		w.dropBackup(ed)
		return
	}
	if ed.backupTimer != nil {
		ed.backupTimer.Stop()
	}
	version := ed.version
	ed.backupTimer = time.AfterFunc(backupDelay, func() {
		w.do(func() {
			if w.editors[ed.path] == ed && ed.version == version && ed.Dirty() {
				w.writeBackup(ed)
			}
		})
	})
}

func (w *Window) writeBackup(ed *editor) {
	if err := os.MkdirAll(w.opts.BackupDir, 0o700); err != nil {
		w.console.add(lineError, fmt.Sprintf("backing up %q: %v", ed.path, err))
		return
	}
	data := append([]byte(ed.path+"\n"), ed.Text()...)
	if err := writeAtomic(w.backupPath(ed.path), data); err != nil {
		w.console.add(lineError, fmt.Sprintf("backing up %q: %v", ed.path, err))
	}
}

// dropBackup removes ed's backup and any backup to come.
func (w *Window) dropBackup(ed *editor) {
	if ed.backupTimer != nil {
		ed.backupTimer.Stop()
		ed.backupTimer = nil
	}
	if w.opts.BackupDir != "" {
		_ = os.Remove(w.backupPath(ed.path)) // none is fine
	}
}

// dropBackups removes every open editor's backup (quitting or switching
// projects without saving, as the user chose).
func (w *Window) dropBackups() {
	for _, ed := range w.editors {
		w.dropBackup(ed)
	}
}

// restoreBackup puts a newly opened file's backed-up text in its editor,
// unsaved, if it differs from the file's.
func (w *Window) restoreBackup(ed *editor) {
	if w.opts.BackupDir == "" {
		return
	}
	text, ok := readBackup(w.backupPath(ed.path), ed.path)
	if !ok || text == ed.Text() {
		return
	}
	last := len(ed.lines) - 1
	ed.anchor, ed.cursor, ed.selecting = textPos{}, textPos{last, len([]rune(ed.lines[last]))}, true
	ed.insert(text, "")
	ed.MoveCursor(0)
	w.console.add(lineInfo, fmt.Sprintf("Restored unsaved changes to %s from a backup (Studio ended before they were saved); undo goes back to the file", w.rel(ed.path)))
}
