package vaultfile

import (
	"path"
	"slices"

	"github.com/vaultguard/vaultguard/lint/model"
	"github.com/vaultguard/vaultguard/lint/syntax"
)

// ConfigFile is one parsed server config file.
type ConfigFile struct {
	File *syntax.File
	has  map[string]bool
}

// NewConfigFile wraps a parsed server config file.
func NewConfigFile(f *syntax.File) *ConfigFile {
	c := &ConfigFile{File: f, has: map[string]bool{}}
	for _, it := range f.Root.Items {
		c.has[it.Name()] = true
	}
	return c
}

// Whole reports whether the file configures a whole server on its own: it
// has both storage and a listener.
func (c *ConfigFile) Whole() bool {
	return (c.has["storage"] || c.has["backend"]) && c.has["listener"]
}

// labelled are the blocks that take one label (the type) in Vault's config.
var labelled = map[string]bool{
	"storage": true, "backend": true, "ha_storage": true, "ha_backend": true,
	"listener": true, "seal": true, "hsm": true, "kms": true,
	"service_registration": true, "user_lockout": true,
}

// canonical maps legacy keys onto their current names.
var canonical = map[string]string{"backend": "storage", "ha_backend": "ha_storage", "hsm": "seal"}

// ServerConfig merges the files of one server into a server_config object.
// Findings about what the whole config lacks point at its main file: the
// one with storage, else the one with a listener, else the first.
// partial marks fragments that sit beside a whole config, whose absences
// mean nothing.
func ServerConfig(files []*ConfigFile, partial bool) *model.Object {
	main := files[0]
	for _, key := range []string{"listener", "storage"} {
		for _, c := range files {
			if c.has[key] || (key == "storage" && c.has["backend"]) {
				main = c
			}
		}
	}
	name := main.File.Name
	if len(files) > 1 {
		name = path.Dir(main.File.Name)
	}
	o := &model.Object{
		Kind:   model.KindServerConfig,
		Name:   name,
		Range:  syntax.Range{File: main.File.Name, Start: syntax.Pos{Line: 1, Column: 1}, End: syntax.Pos{Line: 1, Column: 1}},
		Attrs:  map[string]*model.Attr{},
		Blocks: map[string][]*model.Object{},
		Meta:   map[string]any{"partial": partial, "main_file": main.File.Name},
	}
	var names []string
	var conflicts []any
	setIn := map[string]string{}
	for _, c := range files {
		names = append(names, c.File.Name)
		readBody(o, c.File.Root)
		for _, it := range c.File.Root.Items {
			if len(it.Keys) != 1 || isBlockValue(it.Val) {
				continue
			}
			if prev, ok := setIn[it.Name()]; ok && prev != c.File.Name {
				conflicts = append(conflicts, map[string]any{"key": it.Name(), "files": []any{prev, c.File.Name}})
			}
			setIn[it.Name()] = c.File.Name
		}
	}
	o.Meta["files"] = names
	if len(conflicts) > 0 {
		o.Meta["conflicts"] = conflicts
	}
	return o
}

func isBlockValue(n *syntax.Node) bool {
	if n == nil {
		return false
	}
	if n.Kind == syntax.Object {
		return true
	}
	if n.Kind == syntax.List && len(n.Elems) > 0 {
		for _, e := range n.Elems {
			if e.Kind != syntax.Object {
				return false
			}
		}
		return true
	}
	return false
}

// readBody adds a body's attributes and blocks to o: an item with labels or
// an object value is a block (HCL v1 and JSON make no other difference).
func readBody(o *model.Object, body *syntax.Node) {
	for _, it := range body.Items {
		name := it.Name()
		if len(it.Keys) == 1 && !isBlockValue(it.Val) {
			o.Attrs[name] = AttrOf(it.Val)
			continue
		}
		n := len(it.Keys) - 1
		if labelled[name] {
			n = 1
		}
		blocks, _ := syntax.Blocks(&syntax.Node{Kind: syntax.Object, Items: []*syntax.Item{it}}, name, n)
		if len(blocks) == 0 && n > 0 {
			blocks, _ = syntax.Blocks(&syntax.Node{Kind: syntax.Object, Items: []*syntax.Item{it}}, name, 0)
		}
		key := name
		if c, ok := canonical[name]; ok {
			key = c
		}
		for _, b := range blocks {
			child := &model.Object{Kind: key, Range: b.Head, Attrs: map[string]*model.Attr{}, Blocks: map[string][]*model.Object{}}
			for _, l := range b.Labels {
				child.Labels = append(child.Labels, l.Name)
			}
			if key != name {
				child.Meta = map[string]any{"legacy_key": name}
			}
			readBody(child, b.Body)
			o.Blocks[key] = append(o.Blocks[key], child)
		}
	}
}

// Keys returns the top-level keys a server config file sets, sorted.
func (c *ConfigFile) Keys() []string {
	keys := model.SortedKeys(c.has)
	return slices.Clip(keys)
}
