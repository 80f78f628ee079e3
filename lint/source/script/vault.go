package script

import (
	"path"
	"strings"

	"github.com/vaultguard/vaultguard/lint/model"
	"github.com/vaultguard/vaultguard/lint/source/vaultfile"
	"github.com/vaultguard/vaultguard/lint/source/vaultpath"
	"github.com/vaultguard/vaultguard/lint/syntax"
)

// Arg is one word of a command line as the shell would pass it: Value is
// the word after quote removal, Known is false when it holds an expansion
// ($VAR, $(cmd)) whose value is not statically known; Text is then the
// word's source text.
type Arg struct {
	Value string
	Known bool
	Text  string
	Range syntax.Range
	// Stdin is a here-document embedded in the argument itself: a process
	// substitution `<(cat <<EOF ... EOF)`.
	Stdin *Heredoc
	// Raw is the value's source text where quoting or folding changed it
	// (a YAML block scalar), so that content parsed from it keeps the
	// host file's lines.
	Raw *Heredoc
}

// Heredoc is the body of a here-document (or any literal text fed to a
// command's standard input) and where its first byte stands in the file.
type Heredoc struct {
	Text []byte
	At   syntax.Pos
}

func (a Arg) attr() *model.Attr {
	if !a.Known {
		return &model.Attr{Known: false, Text: a.Text, Range: a.Range}
	}
	return &model.Attr{Value: a.Value, Known: true, Range: a.Range}
}

// Interp turns vault CLI invocations and VAULT_* environment settings into
// model objects. One Interp reads one file, so that what a script enables
// (`vault secrets enable -path=db database`) informs what later commands
// write (`vault write db/roles/app ...`), and repeated writes to one role
// merge as Vault's updates do.
type Interp struct {
	file   string
	origin string
	in     *model.Input
	errs   []*syntax.Error
	// mounts maps an enabled mount path to its type, for secrets ("db" ->
	// "database") and auth methods ("auth/k8s" -> "kubernetes").
	mounts map[string]string
	byKey  map[string]*model.Object
}

// NewInterp returns an interpreter for one file; origin names the source
// format ("script", "markdown", "compose", "dockerfile", ...).
func NewInterp(file, origin string) *Interp {
	return &Interp{file: file, origin: origin, in: &model.Input{}, mounts: map[string]string{}, byKey: map[string]*model.Object{}}
}

// Input returns what was read so far.
func (it *Interp) Input() *model.Input { return it.in }

// Errors returns the positioned errors found so far (policies Vault would
// reject).
func (it *Interp) Errors() []*syntax.Error { return it.errs }

func (it *Interp) object(kind, name string, at syntax.Range) *model.Object {
	return &model.Object{Kind: kind, Name: name, Range: at, Attrs: map[string]*model.Attr{}, Meta: map[string]any{"origin": it.origin, "dir": path.Dir(it.file)}}
}

// merge adds an object, or folds its attributes into an earlier object of
// the same kind and key (a role written twice, a transit key and its
// /config).
func (it *Interp) merge(o *model.Object, key string) {
	if key != "" {
		k := o.Kind + "\x00" + key
		if prev, ok := it.byKey[k]; ok {
			for name, a := range o.Attrs {
				prev.Attrs[name] = a
			}
			for name, v := range o.Meta {
				if _, set := prev.Meta[name]; !set {
					prev.Meta[name] = v
				}
			}
			return
		}
		it.byKey[k] = o
	}
	it.in.Objects = append(it.in.Objects, o)
}

// EnvVar is one environment variable assignment.
type EnvVar struct {
	Name      string
	NameRange syntax.Range
	Value     Arg
}

// Env reads a group of environment variables set together (one `export`
// line, one container's environment): VAULT_ADDR, VAULT_TOKEN and
// VAULT_SKIP_VERIFY make a provider; VAULT_DEV_ROOT_TOKEN_ID and
// VAULT_DEV_LISTEN_ADDRESS make a server_command. Both are marked as read
// from the environment (Meta via "env"), so that messages name the
// variable rather than the flag.
func (it *Interp) Env(vars []EnvVar) {
	var prov, server *model.Object
	for _, v := range vars {
		var key string
		var target **model.Object
		kind := model.KindProvider
		switch v.Name {
		case "VAULT_ADDR":
			key, target = "address", &prov
		case "VAULT_TOKEN":
			key, target = "token", &prov
		case "VAULT_SKIP_VERIFY":
			key, target = "skip_tls_verify", &prov
		case "VAULT_DEV_ROOT_TOKEN_ID":
			key, target, kind = "dev_root_token_id", &server, model.KindServerCommand
		case "VAULT_DEV_LISTEN_ADDRESS":
			key, target, kind = "dev_listen_address", &server, model.KindServerCommand
		case "VAULT_LOCAL_CONFIG":
			it.localConfig(v)
			continue
		default:
			continue
		}
		if *target == nil {
			*target = it.object(kind, "", v.NameRange)
			(*target).Meta["via"] = "env"
			it.in.Objects = append(it.in.Objects, *target)
		}
		a := v.Value.attr()
		a.Range = syntax.Range{File: v.NameRange.File, Start: v.NameRange.Start, End: v.Value.Range.End}
		if v.Value.Range.File == "" {
			a.Range.End = v.NameRange.End
		}
		(*target).Attrs[key] = a
	}
}

// boolFlags are the vault CLI flags that take no separate value.
var boolFlags = map[string]bool{
	"dev": true, "dev-tls": true, "dev-ha": true, "dev-transactional": true, "dev-no-store-token": true,
	"dev-three-node": true, "dev-four-cluster": true, "dev-skip-init": true, "dev-auto-seal": true,
	"orphan": true, "no-default-policy": true, "f": true, "force": true, "tls-skip-verify": true,
	"local": true, "no-store": true, "no-print": true, "prefix": true, "sync": true, "renewable": true,
	"token-only": true, "non-interactive": true, "seal-wrap": true, "external-entropy-access": true,
	"exit-code": true, "recovery": true, "migrate": true, "test-verify-only": true, "test-server-config": true,
	"no-color": true, "field-only": true, "dev-kv-v1": true, "dev-leased-kv": true, "plugin-version-only": true,
	"allow-all-paths": true,
}

// flag is a parsed -name[=value] with the range of the whole option.
type flag struct {
	Arg
	set bool
}

// Command reads one vault CLI invocation. argv[0] is the `vault` word;
// stdin is the here-document fed to the command, if any.
func (it *Interp) Command(argv []Arg, stdin *Heredoc) {
	if len(argv) < 2 || !argv[1].Known {
		return
	}
	sub := argv[1].Value
	rest := argv[2:]
	switch sub {
	case "policy", "secrets", "auth", "audit", "token", "lease", "kv", "operator":
		if len(rest) == 0 || !rest[0].Known {
			return
		}
		sub += " " + rest[0].Value
		rest = rest[1:]
	}
	flags, pos := parseFlags(rest)
	at := syntax.Range{File: argv[0].Range.File, Start: argv[0].Range.Start, End: argv[len(argv)-1].Range.End}
	it.clientFlags(flags, at)
	switch sub {
	case "write":
		if len(pos) > 0 && !it.write(pos[0], pos[1:], at) {
			it.other(sub, pos[0], pos[1:], at)
		}
	case "kv put", "kv patch":
		if len(pos) > 0 {
			it.other(sub, pos[0], pos[1:], at)
		}
	case "policy write":
		it.policyWrite(pos, stdin)
	case "secrets enable", "auth enable":
		it.enable(sub, flags, pos, at)
	case "secrets tune", "auth tune":
		it.tune(sub, flags, pos, at)
	case "audit enable":
		it.auditEnable(flags, pos, at)
	case "audit disable":
		o := it.object(model.KindAuditDevice, "", at)
		o.Meta["action"] = "disable"
		if len(pos) > 0 {
			o.Name = strings.Trim(pos[0].Value, "/")
			o.Attrs["path"] = pos[0].attr()
		}
		it.in.Objects = append(it.in.Objects, o)
	case "server":
		it.server(flags, at)
	case "token create":
		it.tokenCreate(flags, at)
	case "login":
		it.login(flags, pos, at)
	}
}

func parseFlags(args []Arg) (map[string]flag, []Arg) {
	flags := map[string]flag{}
	var pos []Arg
	for i := 0; i < len(args); i++ {
		a := args[i]
		if len(pos) > 0 || !isFlag(a) {
			pos = append(pos, a)
			continue
		}
		if a.Known && a.Value == "--" {
			pos = append(pos, args[i+1:]...)
			break
		}
		src := a.Value
		if !a.Known {
			src = a.Text
		}
		name := strings.TrimLeft(src, "-")
		if k, v, ok := strings.Cut(name, "="); ok {
			f := flag{Arg: a, set: true}
			f.Value = v
			if !a.Known {
				f.Value, f.Text = "", v
			}
			prev, dup := flags[k]
			if dup && k == "policy" {
				f.Value = prev.Value + "," + v
			}
			flags[k] = f
			continue
		}
		if boolFlags[name] || i+1 >= len(args) {
			f := flag{Arg: a, set: true}
			f.Value = "true"
			flags[name] = f
			continue
		}
		v := args[i+1]
		i++
		f := flag{Arg: v, set: true}
		f.Range = syntax.Range{File: a.Range.File, Start: a.Range.Start, End: v.Range.End}
		if prev, dup := flags[name]; dup && name == "policy" && v.Known && prev.Known {
			f.Value = prev.Value + "," + v.Value
		}
		flags[name] = f
	}
	return flags, pos
}

// isFlag reports whether an argument is an option: -name, -name=value,
// or -name="$VALUE" (whose value is not known but whose name is).
func isFlag(a Arg) bool {
	if a.Known {
		return len(a.Value) >= 2 && a.Value[0] == '-'
	}
	k, _, ok := strings.Cut(a.Text, "=")
	return ok && len(k) >= 2 && k[0] == '-' && !strings.ContainsAny(k, "$\"'`")
}

// clientFlags reads -address and -tls-skip-verify, which any vault
// command takes.
func (it *Interp) clientFlags(flags map[string]flag, at syntax.Range) {
	var prov *model.Object
	for _, k := range []string{"address", "tls-skip-verify"} {
		f, ok := flags[k]
		if !ok {
			continue
		}
		if prov == nil {
			prov = it.object(model.KindProvider, "", at)
			prov.Meta["via"] = "flag"
			it.in.Objects = append(it.in.Objects, prov)
		}
		key := map[string]string{"address": "address", "tls-skip-verify": "skip_tls_verify"}[k]
		prov.Attrs[key] = f.attr()
	}
}

// kv reads key=value arguments, the way `vault write` does; the attribute
// points at the whole argument. Repeated keys make a list.
func kv(args []Arg) map[string]*model.Attr {
	out := map[string]*model.Attr{}
	for _, a := range args {
		src := a.Value
		if !a.Known {
			src = a.Text
		}
		k, v, ok := strings.Cut(src, "=")
		if !ok || k == "" || strings.ContainsAny(k, "$\"'`") {
			continue
		}
		attr := &model.Attr{Value: v, Known: a.Known, Range: a.Range}
		if !a.Known {
			attr = &model.Attr{Known: false, Text: v, Range: a.Range}
		} else if strings.HasPrefix(v, "@") || v == "-" {
			// Read from a file or stdin: the value is not in the script.
			attr = &model.Attr{Known: false, Text: v, Range: a.Range}
		}
		if prev, dup := out[k]; dup && prev.Known && attr.Known {
			list, _ := prev.Value.([]string)
			if s, ok := prev.Value.(string); ok {
				list = []string{s}
			}
			list = append(list, v)
			attr.Value = list
		}
		out[k] = attr
	}
	for k, a := range out {
		out[k] = model.NormaliseList(k, a)
	}
	return out
}

// other records a write the model has no kind for (`vault kv put`, a
// write to another engine) as a vault_command, so that rules about the
// command line itself (secrets in arguments) still see its arguments.
func (it *Interp) other(sub string, p Arg, args []Arg, at syntax.Range) {
	attrs := kv(args)
	if len(attrs) == 0 {
		return
	}
	o := it.object(model.KindVaultCommand, p.Value, at)
	if !p.Known {
		o.Name = p.Text
	}
	o.Meta["command"] = sub
	o.Attrs = attrs
	it.in.Objects = append(it.in.Objects, o)
}

// write maps `vault write PATH k=v...` onto a model object by its path;
// it reports false when the path is not one the model knows.
func (it *Interp) write(p Arg, args []Arg, at syntax.Range) bool {
	if !p.Known {
		return false
	}
	t, ok := vaultpath.Classify(p.Value, func(mount string) string { return it.mounts[mount] })
	if !ok {
		return false
	}
	attrs := kv(args)
	o := it.object(t.Kind, t.Name, p.Range)
	o.Range = at
	o.Attrs = attrs
	o.Meta["mount"] = t.Mount
	switch t.Kind {
	case model.KindAuthRole:
		o.Meta["method"] = t.Method
	case model.KindMount:
		o.Meta["class"] = t.Class
		if !t.Tune {
			o.Attrs["path"] = &model.Attr{Value: t.Mount, Known: true, Range: p.Range}
			if typ := attrs["type"]; typ != nil && typ.Known {
				if s, ok := typ.Value.(string); ok {
					it.register(t.Class, t.Mount, s)
				}
			}
		}
	case model.KindAuditDevice:
		o.Attrs["path"] = &model.Attr{Value: t.Mount, Known: true, Range: p.Range}
	}
	it.merge(o, t.Key)
	return true
}

func (it *Interp) register(class, mpath, typ string) {
	mpath = strings.Trim(mpath, "/")
	if class == "auth" {
		mpath = "auth/" + mpath
	}
	it.mounts[mpath] = typ
}

var mountFlags = map[string]string{
	"default-lease-ttl":            "default_lease_ttl",
	"max-lease-ttl":                "max_lease_ttl",
	"listing-visibility":           "listing_visibility",
	"audit-non-hmac-request-keys":  "audit_non_hmac_request_keys",
	"audit-non-hmac-response-keys": "audit_non_hmac_response_keys",
	"description":                  "description",
	"local":                        "local",
	"seal-wrap":                    "seal_wrap",
}

func (it *Interp) enable(sub string, flags map[string]flag, pos []Arg, at syntax.Range) {
	if len(pos) == 0 || !pos[0].Known {
		return
	}
	class := "secret"
	if strings.HasPrefix(sub, "auth") {
		class = "auth"
	}
	typ := pos[0].Value
	mpath := typ
	o := it.object(model.KindMount, "", at)
	o.Meta["class"] = class
	o.Attrs["type"] = pos[0].attr()
	if f, ok := flags["path"]; ok {
		o.Attrs["path"] = f.attr()
		if !f.Known {
			mpath = ""
		} else {
			mpath = strings.Trim(f.Value, "/")
		}
	}
	for fl, key := range mountFlags {
		if f, ok := flags[fl]; ok {
			o.Attrs[key] = model.NormaliseList(key, f.attr())
		}
	}
	o.Name = mpath
	if mpath != "" {
		o.Meta["mount"] = mpath
		it.register(class, mpath, typ)
	}
	it.merge(o, class+":"+mpath)
}

func (it *Interp) tune(sub string, flags map[string]flag, pos []Arg, at syntax.Range) {
	if len(pos) == 0 || !pos[0].Known {
		return
	}
	class := "secret"
	if strings.HasPrefix(sub, "auth") {
		class = "auth"
	}
	mpath := strings.Trim(pos[0].Value, "/")
	if class == "auth" {
		mpath = strings.TrimPrefix(mpath, "auth/")
	}
	o := it.object(model.KindMount, mpath, at)
	o.Meta["class"] = class
	o.Meta["mount"] = mpath
	for fl, key := range mountFlags {
		if f, ok := flags[fl]; ok {
			o.Attrs[key] = model.NormaliseList(key, f.attr())
		}
	}
	it.merge(o, class+":"+mpath)
}

func (it *Interp) auditEnable(flags map[string]flag, pos []Arg, at syntax.Range) {
	if len(pos) == 0 {
		return
	}
	o := it.object(model.KindAuditDevice, "", at)
	o.Attrs = kv(pos[1:])
	o.Attrs["type"] = pos[0].attr()
	o.Name = pos[0].Value
	if f, ok := flags["path"]; ok {
		o.Attrs["path"] = f.attr()
		o.Name = f.Value
	}
	if f, ok := flags["local"]; ok {
		o.Attrs["local"] = f.attr()
	}
	it.in.Objects = append(it.in.Objects, o)
}

func (it *Interp) server(flags map[string]flag, at syntax.Range) {
	o := it.object(model.KindServerCommand, "", at)
	o.Meta["via"] = "argv"
	for fl, key := range map[string]string{"dev": "dev", "dev-tls": "dev_tls", "dev-root-token-id": "dev_root_token_id", "dev-listen-address": "dev_listen_address", "config": "config"} {
		if f, ok := flags[fl]; ok {
			o.Attrs[key] = f.attr()
		}
	}
	it.in.Objects = append(it.in.Objects, o)
}

func (it *Interp) tokenCreate(flags map[string]flag, at syntax.Range) {
	o := it.object(model.KindToken, "", at)
	for fl, key := range map[string]string{"policy": "policies", "ttl": "ttl", "explicit-max-ttl": "explicit_max_ttl", "period": "period", "orphan": "orphan", "no-default-policy": "no_default_policy", "use-limit": "num_uses", "role": "role_name", "display-name": "display_name"} {
		if f, ok := flags[fl]; ok {
			o.Attrs[key] = model.NormaliseList(key, f.attr())
		}
	}
	it.in.Objects = append(it.in.Objects, o)
}

// login reads `vault login`: a token as an argument, or an auth method's
// credentials as key=value arguments, are both visible to every user of
// the host (ps) and kept in shell history.
func (it *Interp) login(flags map[string]flag, pos []Arg, at syntax.Range) {
	method := "token"
	if f, ok := flags["method"]; ok && f.Known {
		method = f.Value
	}
	o := it.object(model.KindProvider, "", at)
	o.Meta["via"] = "argv"
	o.Meta["method"] = method
	if method == "token" {
		if len(pos) == 0 || (pos[0].Known && pos[0].Value == "-") {
			return // prompts, or reads stdin
		}
		o.Attrs["token"] = pos[0].attr()
	} else {
		o.Attrs = kv(pos)
		if len(o.Attrs) == 0 {
			return
		}
	}
	it.in.Objects = append(it.in.Objects, o)
}

// policyWrite reads `vault policy write NAME -` fed by a here-document (or
// `<(cat <<EOF ...)`) as a policy positioned in the host file. A policy
// read from a file is linted as that file.
func (it *Interp) policyWrite(pos []Arg, stdin *Heredoc) {
	if len(pos) < 2 {
		return
	}
	name := pos[0].Value
	if !pos[0].Known {
		name = pos[0].Text
	}
	src := pos[1]
	doc := src.Stdin
	if doc == nil && src.Known && (src.Value == "-" || src.Value == "/dev/stdin") {
		doc = stdin
	}
	if doc == nil {
		return
	}
	f, perr := syntax.ParseEmbedded(it.file, doc.Text, doc.At)
	if perr != nil {
		perr.Message = "policy " + name + ": " + perr.Message
		it.errs = append(it.errs, perr)
		return
	}
	p, errs := vaultfile.ReadPolicy(f, name, doc.Text, it.origin)
	if len(errs) > 0 {
		it.errs = append(it.errs, errs...)
		return
	}
	if len(p.Paths) == 0 {
		p.Range = pos[0].Range
	}
	it.in.Policies = append(it.in.Policies, p)
}

// DefaultDevServer records a container that runs the official Vault
// image's default command, `vault server -dev`; at is the image reference.
func (it *Interp) DefaultDevServer(at syntax.Range) {
	o := it.object(model.KindServerCommand, "", at)
	o.Meta["via"] = "image_default"
	o.Attrs["dev"] = &model.Attr{Value: true, Known: true, Range: at}
	it.in.Objects = append(it.in.Objects, o)
}

// localConfig reads VAULT_LOCAL_CONFIG, the server config the official
// image writes to a file before starting Vault, as a server config linted
// by the server rules, positioned in the host file.
func (it *Interp) localConfig(v EnvVar) {
	if !v.Value.Known {
		return
	}
	text, at := []byte(v.Value.Value), v.Value.Range.Start
	if len(v.Value.Text) > 0 && (v.Value.Text[0] == '\'' || v.Value.Text[0] == '"') {
		at.Column++
	}
	if v.Value.Raw != nil {
		text, at = v.Value.Raw.Text, v.Value.Raw.At
	}
	if at.Line < 1 {
		at = v.NameRange.Start
	}
	it.EmbeddedConfig("VAULT_LOCAL_CONFIG", text, at, v.NameRange)
}

// EmbeddedConfig reads a Vault server config embedded in another file (an
// environment variable, a Helm value) as a server_config object the
// server rules check, positioned in the host file: text starts at at;
// where is what findings about the config as a whole point at. Text that
// is not a server config (telemetry only, say) is ignored; text Vault
// could not parse is reported.
func (it *Interp) EmbeddedConfig(label string, text []byte, at syntax.Pos, where syntax.Range) {
	f, perr := syntax.ParseEmbedded(it.file, text, at)
	if perr != nil {
		perr.Message = label + ": " + perr.Message
		it.errs = append(it.errs, perr)
		return
	}
	if kind, _ := vaultfile.Classify(f.Root); kind != vaultfile.KindServerConfig {
		return
	}
	cf := vaultfile.NewConfigFile(f)
	o := vaultfile.ServerConfig([]*vaultfile.ConfigFile{cf}, !cf.Whole())
	o.Range = where
	o.Meta["origin"] = it.origin
	it.in.Objects = append(it.in.Objects, o)
}
