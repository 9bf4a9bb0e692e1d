// Package ui will be Studio's Fyne GUI, a client of the inspector protocol
// over an in-process connection (issue 6). Only ui and cmd/studio import
// Fyne, so that go test of every other package builds without cgo GL.
package ui
