package lint

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/vaultguard/vaultguard/lint/model"
	"github.com/vaultguard/vaultguard/lint/source"
	"github.com/vaultguard/vaultguard/lint/source/vaultfile"
	"github.com/vaultguard/vaultguard/lint/syntax"
)

// DefaultMaxFileSize bounds what is read: hand-written Vault files are
// kilobytes; a multi-megabyte one is generated or a mistake, and is skipped
// with a reason rather than slowing a pre-commit hook to a crawl.
const DefaultMaxFileSize = 2 << 20

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
	maxSize     int64
	adapters    []source.Adapter
	kind        vaultfile.Kind
	sources     map[string][]byte
	parseErrors []*syntax.Error
	skips       []Skip
	linted      int
	input       *model.Input
	configs     []*vaultfile.ConfigFile
	// fragmentDirs maps the directories of explicitly named config
	// fragments to their OS paths, to read the rest of the config from.
	fragmentDirs map[string]string
	loaded       map[string]bool
	context      map[string]bool
}

func newLoader(kind vaultfile.Kind, maxSize int64) *loader {
	if maxSize <= 0 {
		maxSize = DefaultMaxFileSize
	}
	return &loader{maxSize: maxSize, adapters: adapters(), kind: kind, sources: map[string][]byte{}, input: &model.Input{},
		fragmentDirs: map[string]string{}, loaded: map[string]bool{}, context: map[string]bool{}}
}

func (ld *loader) load(f file) {
	ld.loaded[f.path] = true
	if f.context {
		ld.loadContext(f)
		return
	}
	ld.integrate(f, ld.read(f))
}

// loadAll reads files concurrently (one worker per CPU: parsing is the
// cost) and integrates the results in file order, so output stays
// deterministic.
func (ld *loader) loadAll(ctx context.Context, files []file) error {
	results := make([]readResult, len(files))
	// Workers claim the next file from a shared counter: handing thousands
	// of small files over a channel cost more in goroutine wake-ups than
	// some of the files take to parse.
	var next atomic.Int64
	var wg sync.WaitGroup
	for range max(1, min(runtime.GOMAXPROCS(0), len(files))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				i := int(next.Add(1)) - 1
				if i >= len(files) {
					return
				}
				results[i] = ld.read(files[i])
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return err
	}
	for i, f := range files {
		ld.loaded[f.path] = true
		ld.integrate(f, results[i])
	}
	return nil
}

// readResult is what reading one file produced. read computes it without
// touching the loader's state, so files can be read concurrently.
type readResult struct {
	skip      string
	src       []byte
	counted   bool // the file was linted (found to be a Vault file or broken)
	parseErrs []*syntax.Error
	input     *model.Input
	config    *vaultfile.ConfigFile
}

// fileReader is an open file that knows its size (readfile_*.go).
type fileReader interface {
	io.ReadCloser
	Size() (int64, error)
}

// readLimited reads a file of at most max bytes with one open and one
// fstat; a larger file is reported by size without being read.
func readLimited(osPath string, maxSize int64) (src []byte, skip string) {
	fh, err := openFile(osPath)
	if err != nil {
		return nil, err.Error()
	}
	defer fh.Close()
	size, err := fh.Size()
	if err != nil {
		return nil, err.Error()
	}
	if size > maxSize {
		return nil, fmt.Sprintf("%d bytes is larger than the %d-byte limit (raise it with --max-file-size)", size, maxSize)
	}
	// As big as fstat says, with no probe read for growth: a file being
	// rewritten while it is linted is not worth a syscall per file. Files
	// that report no size (procfs) are read to the end.
	src = make([]byte, size)
	n, err := io.ReadFull(fh, src)
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF):
		src = src[:n] // it shrank since fstat
	case err != nil:
		return nil, err.Error()
	}
	if size == 0 {
		if src, err = io.ReadAll(io.LimitReader(fh, maxSize+1)); err != nil {
			return nil, err.Error()
		}
	}
	if int64(len(src)) > maxSize {
		return nil, fmt.Sprintf("more than the %d-byte limit (raise it with --max-file-size)", maxSize)
	}
	return src, ""
}

func (ld *loader) read(f file) readResult {
	src, skip := readLimited(f.osPath, ld.maxSize)
	if skip != "" {
		return readResult{skip: skip}
	}
	if len(bytes.TrimSpace(src)) == 0 {
		return readResult{skip: "empty file"}
	}
	if bytes.IndexByte(src[:min(len(src), 8000)], 0) >= 0 {
		return readResult{skip: "binary file"}
	}
	if ld.kind == vaultfile.KindNone && !isVaultFileName(f.path) {
		return ld.readWithAdapter(f, src)
	}
	parsed, perr := syntax.Parse(f.path, src)
	if perr != nil {
		// A broken .json found by walking may be anything (package.json...);
		// report it only when it was named, forced or looks like Vault's.
		if !f.explicit && ld.kind == vaultfile.KindNone && strings.HasSuffix(strings.ToLower(f.path), ".json") && !looksVault(src) {
			return readResult{skip: "not parseable as HCL or JSON: " + perr.Message}
		}
		return readResult{src: src, counted: true, parseErrs: []*syntax.Error{perr}}
	}
	kind := ld.kind
	if kind == vaultfile.KindNone {
		var reason string
		kind, reason = vaultfile.Classify(parsed.Root)
		if kind == vaultfile.KindNone {
			return readResult{skip: "not a Vault policy or server config: " + reason}
		}
	}
	r := readResult{src: src, counted: true}
	switch kind {
	case vaultfile.KindPolicy:
		p, errs := vaultfile.ReadPolicy(parsed, vaultfile.PolicyName(f.path), src, "file")
		if len(errs) > 0 {
			r.parseErrs = errs
			return r
		}
		p.Term() // encode for Rego here, on this worker, not serially later
		r.input = &model.Input{Policies: []*model.Policy{p}}
	case vaultfile.KindServerConfig:
		r.config = vaultfile.NewConfigFile(parsed)
	}
	return r
}

func (ld *loader) integrate(f file, r readResult) {
	if r.skip != "" {
		ld.skips = append(ld.skips, Skip{File: f.path, Reason: r.skip, Explicit: f.explicit})
		return
	}
	if r.counted {
		ld.linted++
		ld.sources[f.path] = r.src
	}
	ld.parseErrors = append(ld.parseErrors, r.parseErrs...)
	if r.input != nil {
		ld.input.Add(r.input)
	}
	if c := r.config; c != nil {
		ld.configs = append(ld.configs, c)
		if f.explicit && !c.Whole() {
			ld.fragmentDirs[path.Dir(f.path)] = filepath.Dir(f.osPath)
		}
	}
}

// loadContext reads a sibling of a named config fragment; only server
// configs are kept, and nothing about the file itself is reported.
func (ld *loader) loadContext(f file) {
	src, skip := readLimited(f.osPath, ld.maxSize)
	if skip != "" {
		return
	}
	parsed, perr := syntax.Parse(f.path, src)
	if perr != nil {
		return
	}
	if kind, _ := vaultfile.Classify(parsed.Root); kind != vaultfile.KindServerConfig {
		return
	}
	ld.context[f.path] = true
	ld.sources[f.path] = src
	ld.configs = append(ld.configs, vaultfile.NewConfigFile(parsed))
}

// completeFragments reads the unnamed siblings of named config fragments,
// so that what a split config lacks is judged on the whole directory.
func (ld *loader) completeFragments() {
	for _, dir := range model.SortedKeys(ld.fragmentDirs) {
		osDir := ld.fragmentDirs[dir]
		entries, err := os.ReadDir(osDir)
		if err != nil {
			continue
		}
		for _, e := range entries {
			if e.IsDir() || !isVaultFileName(e.Name()) {
				continue
			}
			display := path.Join(dir, e.Name())
			if ld.loaded[display] {
				continue
			}
			ld.load(file{path: display, osPath: filepath.Join(osDir, e.Name()), context: true})
		}
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

func (ld *loader) readWithAdapter(f file, src []byte) readResult {
	for _, a := range ld.adapters {
		if !a.Match(f.path, src[:min(len(src), 512)]) {
			continue
		}
		in, errs := a.Read(f.path, src)
		return readResult{src: src, counted: true, parseErrs: errs, input: in}
	}
	return readResult{skip: "no reader for this kind of file"}
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
	ld.completeFragments()
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
