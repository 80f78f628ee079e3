package lint

import (
	"bytes"
	"fmt"
	"os"
	"path"
	"sort"
	"strings"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/vaultguard/vaultguard/lint/model"
	"github.com/vaultguard/vaultguard/lint/source"
	"github.com/vaultguard/vaultguard/lint/source/vaultfile"
	"github.com/vaultguard/vaultguard/lint/syntax"
)

// MaxFileSize bounds what is read into memory; larger files are skipped
// with a reason rather than slowing a pre-commit hook to a crawl.
const MaxFileSize = 16 << 20

func excluded(patterns []string, rel string) bool {
	for _, p := range patterns {
		if ok, _ := doublestar.Match(p, rel); ok {
			return true
		}
		if ok, _ := doublestar.Match(p, path.Base(rel)); ok {
			return true
		}
		if ok, _ := doublestar.Match(strings.TrimSuffix(p, "/")+"/**", rel); ok {
			return true
		}
	}
	return false
}

// loader reads files into the model, collecting parse errors and skips.
type loader struct {
	adapters    []source.Adapter
	kind        vaultfile.Kind
	sources     map[string][]byte
	parseErrors []*syntax.Error
	skips       []Skip
	linted      int
	input       *model.Input
	configs     []*vaultfile.ConfigFile
}

func newLoader(kind vaultfile.Kind) *loader {
	return &loader{adapters: adapters(), kind: kind, sources: map[string][]byte{}, input: &model.Input{}}
}

func (ld *loader) skip(f file, format string, args ...any) {
	ld.skips = append(ld.skips, Skip{File: f.path, Reason: fmt.Sprintf(format, args...), Explicit: f.explicit})
}

func (ld *loader) load(f file) {
	info, err := os.Stat(f.osPath)
	if err != nil {
		ld.skip(f, "%v", err)
		return
	}
	if info.Size() > MaxFileSize {
		ld.skip(f, "larger than %d MiB", MaxFileSize>>20)
		return
	}
	src, err := os.ReadFile(f.osPath)
	if err != nil {
		ld.skip(f, "%v", err)
		return
	}
	if len(bytes.TrimSpace(src)) == 0 {
		ld.skip(f, "empty file")
		return
	}
	if bytes.IndexByte(src[:min(len(src), 8000)], 0) >= 0 {
		ld.skip(f, "binary file")
		return
	}
	if ld.kind == vaultfile.KindNone && !isVaultFileName(f.path) {
		ld.loadWithAdapter(f, src)
		return
	}
	parsed, perr := syntax.Parse(f.path, src)
	if perr != nil {
		// A broken .json found by walking may be anything (package.json...);
		// report it only when it was named, forced or looks like Vault's.
		if !f.explicit && ld.kind == vaultfile.KindNone && strings.HasSuffix(strings.ToLower(f.path), ".json") && !looksVault(src) {
			ld.skip(f, "not parseable as HCL or JSON: %s", perr.Message)
			return
		}
		ld.sources[f.path] = src
		ld.parseErrors = append(ld.parseErrors, perr)
		ld.linted++
		return
	}
	kind := ld.kind
	if kind == vaultfile.KindNone {
		var reason string
		kind, reason = vaultfile.Classify(parsed.Root)
		if kind == vaultfile.KindNone {
			ld.skip(f, "not a Vault policy or server config: %s", reason)
			return
		}
	}
	ld.sources[f.path] = src
	ld.linted++
	switch kind {
	case vaultfile.KindPolicy:
		p, errs := vaultfile.ReadPolicy(parsed, vaultfile.PolicyName(f.path), src, "file")
		if len(errs) > 0 {
			ld.parseErrors = append(ld.parseErrors, errs...)
			return
		}
		ld.input.Policies = append(ld.input.Policies, p)
	case vaultfile.KindServerConfig:
		ld.configs = append(ld.configs, vaultfile.NewConfigFile(parsed))
	}
}

// isVaultFileName says whether a file may hold a Vault server config or
// policy; everything else goes to the adapters.
func isVaultFileName(p string) bool {
	switch strings.ToLower(path.Ext(p)) {
	case ".hcl", ".json":
		return true
	}
	return false
}

func (ld *loader) loadWithAdapter(f file, src []byte) {
	for _, a := range ld.adapters {
		if !a.Match(f.path, src[:min(len(src), 512)]) {
			continue
		}
		in, errs := a.Read(f.path, src)
		ld.sources[f.path] = src
		ld.linted++
		ld.parseErrors = append(ld.parseErrors, errs...)
		if in != nil {
			ld.input.Add(in)
		}
		return
	}
	ld.skip(f, "no reader for this kind of file")
}

func looksVault(src []byte) bool {
	for _, k := range []string{`"path"`, `"listener"`, `"storage"`, `"seal"`, `"backend"`} {
		if bytes.Contains(src, []byte(k)) {
			return true
		}
	}
	return false
}

// finish groups server config files into servers and returns the input.
func (ld *loader) finish() *model.Input {
	byDir := map[string][]*vaultfile.ConfigFile{}
	for _, c := range ld.configs {
		dir := path.Dir(c.File.Name)
		byDir[dir] = append(byDir[dir], c)
	}
	dirs := model.SortedKeys(byDir)
	for _, dir := range dirs {
		files := byDir[dir]
		sort.Slice(files, func(i, j int) bool { return files[i].File.Name < files[j].File.Name })
		var whole, parts []*vaultfile.ConfigFile
		for _, c := range files {
			if c.Whole() {
				whole = append(whole, c)
			} else {
				parts = append(parts, c)
			}
		}
		for _, c := range whole {
			ld.input.Objects = append(ld.input.Objects, vaultfile.ServerConfig([]*vaultfile.ConfigFile{c}, false))
		}
		if len(parts) > 0 {
			// Fragments beside a whole config cannot be judged for what
			// they lack; fragments alone form one server, as
			// `vault server -config=DIR` merges them.
			ld.input.Objects = append(ld.input.Objects, vaultfile.ServerConfig(parts, len(whole) > 0))
		}
	}
	return ld.input
}
