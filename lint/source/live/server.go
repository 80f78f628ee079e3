package live

import (
	"context"
	"encoding/json"
	"strconv"

	"github.com/vaultguard/vaultguard/lint/model"
)

const sanitizedPath = "sys/config/state/sanitized"

// serverConfig reads sys/config/state/sanitized (read; Vault 1.21 asks no sudo) into a
// server_config object shaped like one read from a file: top-level
// settings as attributes, listener, storage and seal blocks labelled with
// their type. The endpoint reports every setting, defaults included, as
// its zero value; zero values (0, "", false, null) are left out so that
// rules see what the operator set, as in a file.
func (r *reader) serverConfig(ctx context.Context) error {
	data, ok, err := r.read(ctx, sanitizedPath)
	if err != nil || !ok {
		return err
	}
	files := []any{Scheme + sanitizedPath}
	o := &model.Object{Kind: model.KindServerConfig, Name: Scheme + sanitizedPath, Range: loc(sanitizedPath), Attrs: map[string]*model.Attr{}, Blocks: map[string][]*model.Object{},
		Meta: map[string]any{"origin": Origin, "partial": false, "main_file": Scheme + sanitizedPath, "files": files}}
	for _, k := range model.SortedKeys(data) {
		v := data[k]
		switch k {
		case "listeners":
			list, _ := v.([]any)
			for i, l := range list {
				lm, _ := l.(map[string]any)
				cfg, _ := lm["config"].(map[string]any)
				o.Blocks["listener"] = append(o.Blocks["listener"], block("listener", lm["type"], cfg, sanitizedPath+"#listeners."+itoa(i)))
			}
		case "seals":
			list, _ := v.([]any)
			for i, s := range list {
				sm, _ := s.(map[string]any)
				o.Blocks["seal"] = append(o.Blocks["seal"], block("seal", sm["type"], nil, sanitizedPath+"#seals."+itoa(i)))
			}
		case "storage", "ha_storage":
			sm, _ := v.(map[string]any)
			if sm == nil {
				continue
			}
			typ, _ := sm["type"].(string)
			params, _ := sm[typ].(map[string]any)
			o.Blocks[k] = append(o.Blocks[k], block(k, typ, params, sanitizedPath+"#"+k))
		default:
			if isZero(v) {
				continue
			}
			if _, nested := v.(map[string]any); nested {
				continue
			}
			o.Attrs[k] = &model.Attr{Value: durationText(k, model.FromJSON(v)), Known: true, Range: attrLoc(sanitizedPath, k)}
		}
	}
	r.res.Input.Objects = append(r.res.Input.Objects, o)
	return nil
}

func block(kind string, typ any, attrs map[string]any, at string) *model.Object {
	b := &model.Object{Kind: kind, Range: model.Range{File: Scheme + at}, Attrs: map[string]*model.Attr{}, Blocks: map[string][]*model.Object{}}
	if s, ok := typ.(string); ok && s != "" {
		b.Labels = []string{s}
	}
	for _, k := range model.SortedKeys(attrs) {
		v := attrs[k]
		if isZero(v) {
			continue
		}
		if _, nested := v.(map[string]any); nested {
			continue
		}
		b.Attrs[k] = &model.Attr{Value: model.FromJSON(v), Known: true, Range: model.Range{File: Scheme + at + "." + k}}
	}
	return b
}

func isZero(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case bool:
		return !x
	case string:
		return x == ""
	case json.Number:
		return x.String() == "0"
	case []any:
		return len(x) == 0
	}
	return false
}

func itoa(i int) string { return strconv.Itoa(i) }
