package ui

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/studiojs/studio/assets"
)

// ExampleName is the bundled example the window opens without a project.
const ExampleName = "event-loop-tour"

// BundledExample returns a folder holding the bundled example project,
// copying it from the binary into dir (normally the user's config folder,
// studio/examples) the first time. An existing copy is left as it is: it
// may hold the user's edits.
func BundledExample(dir string) (string, error) {
	dst := filepath.Join(dir, ExampleName)
	if _, err := os.Stat(dst); err == nil {
		return dst, nil
	}
	// Copied beside dst and renamed, so that an interrupted copy is never
	// taken for the example.
	tmp, err := os.MkdirTemp(dir, "."+ExampleName+".*")
	if err != nil {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return "", fmt.Errorf("copying the example %q: %w", ExampleName, err)
		}
		if tmp, err = os.MkdirTemp(dir, "."+ExampleName+".*"); err != nil {
			return "", fmt.Errorf("copying the example %q: %w", ExampleName, err)
		}
	}
	defer os.RemoveAll(tmp)
	root := "examples/" + ExampleName
	err = fs.WalkDir(assets.Examples, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		target := filepath.Join(tmp, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := assets.Examples.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
	if err == nil {
		err = os.Rename(tmp, dst)
	}
	if err != nil {
		return "", fmt.Errorf("copying the example %q: %w", ExampleName, err)
	}
	return dst, nil
}
