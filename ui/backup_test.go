package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestBackupRestoresUnsavedText: text typed and not saved is backed up
// a moment later; a window opened after Studio ended without saving (no
// quit, as in a crash) shows it again, unsaved, and undo goes back to the
// file's; saving, or closing without saving, removes the backup.
func TestBackupRestoresUnsavedText(t *testing.T) {
	checkLeaks(t)
	h, dir := newHarness(t, map[string]string{"index.js": "let a = 1;\n", "lib.js": "exports.x = 1;\n"})
	backups := t.TempDir()
	open := func() *Window {
		w := New(fyne.CurrentApp(), Options{Project: dir, BackupDir: backups, Do: func(f func()) { h.queue <- f }, Launcher: h.w.opts.Launcher})
		t.Cleanup(w.win.Close)
		return w
	}
	main := filepath.Join(dir, "index.js")
	w := open()
	ed := w.editors[main]
	ed.FocusGained()
	key(ed, fyne.KeyEnd)
	test.Type(ed, " // typed, never saved")
	backup := w.backupPath(main)
	h.waitFor("the backup", func() bool { _, err := os.Stat(backup); return err == nil })
	if text, ok := readBackup(backup, main); !ok || text != ed.Text() {
		t.Fatalf("backup holds %q (%v), want %q", text, ok, ed.Text())
	}

	// Studio ends without saving; the next window restores the text.
	w2 := open()
	ed2 := w2.editors[main]
	if ed2.Text() != "let a = 1; // typed, never saved\n" || !ed2.Dirty() || !strings.HasPrefix(w2.tabOf[main].Text, "● ") {
		t.Fatalf("restored: text %q, dirty %v", ed2.Text(), ed2.Dirty())
	}
	if !strings.Contains(w2.console.text(lineInfo), "Restored unsaved changes to index.js") {
		t.Errorf("no word of the restore: %q", w2.console.text(lineInfo))
	}
	if b, _ := os.ReadFile(main); string(b) != "let a = 1;\n" {
		t.Errorf("the restore wrote the file: %q", b)
	}
	ed2.Undo()
	if ed2.Text() != "let a = 1;\n" || ed2.Dirty() {
		t.Errorf("undo after the restore: %q, dirty %v", ed2.Text(), ed2.Dirty())
	}
	ed2.Redo()
	w2.saveEditor(ed2)
	if _, err := os.Stat(backup); !os.IsNotExist(err) {
		t.Errorf("the backup outlived the save: %v", err)
	}
	if ed3 := open().editors[main]; ed3.Dirty() || ed3.Text() != "let a = 1; // typed, never saved\n" {
		t.Errorf("after the save the next window has %q, dirty %v", ed3.Text(), ed3.Dirty())
	}

	// Closing a file without saving, as the user chose, drops its backup.
	lib := w2.openFile(filepath.Join(dir, "lib.js"))
	test.Type(lib, "// gone ")
	w2.writeBackup(lib)
	w2.closeTab(w2.tabOf[lib.path])
	answer(t, w2.win, "Yes")
	if _, err := os.Stat(w2.backupPath(lib.path)); !os.IsNotExist(err) {
		t.Errorf("the backup outlived closing without saving: %v", err)
	}
	if lib2 := open().openFile(lib.path); lib2.Dirty() {
		t.Errorf("a file closed without saving came back with %q", lib2.Text())
	}
}
