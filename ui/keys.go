package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Fyne treats a key without Ctrl or Alt as typing for the focused widget,
// never as a shortcut: F5, F9, F10 and F11 would stop at whichever list or
// tree was clicked last. These wrappers pass the window's keys on.

// isWindowKey says whether k is one of the window's function keys.
func isWindowKey(k *fyne.KeyEvent) bool {
	switch k.Name {
	case fyne.KeyF5, fyne.KeyF9, fyne.KeyF10, fyne.KeyF11:
		return true
	}
	return false
}

// keyTree is a widget.Tree that passes the window's keys on.
type keyTree struct {
	widget.Tree
	onKey func(*fyne.KeyEvent)
}

func newKeyTree(onKey func(*fyne.KeyEvent), children func(widget.TreeNodeID) []widget.TreeNodeID, isBranch func(widget.TreeNodeID) bool,
	create func(bool) fyne.CanvasObject, update func(widget.TreeNodeID, bool, fyne.CanvasObject)) *keyTree {
	t := &keyTree{onKey: onKey}
	t.ChildUIDs, t.IsBranch, t.CreateNode, t.UpdateNode = children, isBranch, create, update
	t.ExtendBaseWidget(t)
	return t
}

func (t *keyTree) TypedKey(k *fyne.KeyEvent) {
	if isWindowKey(k) {
		t.onKey(k)
		return
	}
	t.Tree.TypedKey(k)
}

// keyList is a widget.List that passes the window's keys on.
type keyList struct {
	widget.List
	onKey func(*fyne.KeyEvent)
}

func newKeyList(onKey func(*fyne.KeyEvent), length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *keyList {
	l := &keyList{onKey: onKey}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

func (l *keyList) TypedKey(k *fyne.KeyEvent) {
	if isWindowKey(k) {
		l.onKey(k)
		return
	}
	l.List.TypedKey(k)
}

// keyTable is a widget.Table with a header row that passes the window's
// keys on.
type keyTable struct {
	widget.Table
	onKey func(*fyne.KeyEvent)
}

func newKeyTable(onKey func(*fyne.KeyEvent), length func() (int, int), create func() fyne.CanvasObject, update func(widget.TableCellID, fyne.CanvasObject)) *keyTable {
	t := &keyTable{onKey: onKey}
	t.Length, t.CreateCell, t.UpdateCell = length, create, update
	t.ShowHeaderRow = true
	t.ExtendBaseWidget(t)
	return t
}

func (t *keyTable) TypedKey(k *fyne.KeyEvent) {
	if isWindowKey(k) {
		t.onKey(k)
		return
	}
	t.Table.TypedKey(k)
}
