// Package deploy reads how Vault is started and reached from deployment
// files: docker-compose and Kubernetes YAML (including Helm values),
// Dockerfiles and systemd units. It finds `vault server` invocations (and
// the official image's default `server -dev`), the dev-mode environment
// (VAULT_DEV_ROOT_TOKEN_ID, VAULT_DEV_LISTEN_ADDRESS) and client settings
// (VAULT_ADDR, VAULT_TOKEN, VAULT_SKIP_VERIFY), as server_command and
// provider objects with their positions.
package deploy

import (
	"path"
	"strings"

	"github.com/vaultguard/vaultguard/lint/model"
	"github.com/vaultguard/vaultguard/lint/source"
	"github.com/vaultguard/vaultguard/lint/source/script"
	"github.com/vaultguard/vaultguard/lint/syntax"
)

// Adapter reads deployment files.
type Adapter struct{}

var _ source.Adapter = (*Adapter)(nil)

// New returns the deploy adapter.
func New() *Adapter { return &Adapter{} }

// Name implements source.Adapter.
func (*Adapter) Name() string { return "deploy" }

type format int

const (
	none format = iota
	yamlFile
	dockerfile
	systemd
)

func formatOf(p string) format {
	base := strings.ToLower(path.Base(p))
	switch path.Ext(base) {
	case ".yml", ".yaml":
		return yamlFile
	}
	switch {
	case base == "dockerfile" || base == "containerfile" || strings.HasPrefix(base, "dockerfile.") || strings.HasSuffix(base, ".dockerfile"):
		return dockerfile
	case strings.HasSuffix(base, ".service") || strings.HasSuffix(base, ".service.j2") || strings.HasSuffix(base, ".service.tpl"):
		return systemd
	}
	return none
}

// Match implements source.Adapter: .yml/.yaml, Dockerfiles and systemd
// .service units (and their .j2/.tpl templates).
func (*Adapter) Match(p string, _ []byte) bool { return formatOf(p) != none }

// Read implements source.Adapter.
func (*Adapter) Read(name string, src []byte) (*model.Input, []*syntax.Error) {
	switch formatOf(name) {
	case yamlFile:
		return readYAML(name, src)
	case dockerfile:
		return readDockerfile(name, src)
	case systemd:
		return readSystemd(name, src)
	}
	return nil, nil
}

// isVaultImage reports whether a container image is Vault's official one
// (vault, hashicorp/vault, hashicorp/vault-enterprise, any registry), whose
// entrypoint runs `vault` with the container's arguments and whose
// default command is `server -dev`.
func isVaultImage(image string) bool {
	image = strings.ToLower(image)
	if i := strings.IndexAny(image, "@"); i >= 0 {
		image = image[:i]
	}
	last := image
	if i := strings.LastIndexByte(image, '/'); i >= 0 {
		last = image[i+1:]
	}
	if i := strings.IndexByte(last, ':'); i >= 0 {
		last = last[:i]
	}
	return last == "vault" || last == "vault-enterprise"
}

var vaultSubcommands = map[string]bool{"server": true, "agent": true, "proxy": true, "write": true, "read": true, "login": true, "policy": true, "secrets": true, "auth": true, "audit": true, "token": true, "operator": true}

// container is what decides how a Vault server or client is started in
// one container, unit or image: its image, command words and environment.
type container struct {
	image      string
	imageRange syntax.Range
	hasImage   bool
	// words are the entrypoint and command, each already an Arg; shell
	// is set instead when the command is one string run by a shell.
	words []script.Arg
	shell []shellText
	env   []script.EnvVar
	// explicitCmd is false when the container runs the image's default
	// command.
	explicitCmd bool
}

type shellText struct {
	text []byte
	at   syntax.Pos
}

// emit reads a container into the interpreter.
func (c *container) emit(it *script.Interp) {
	for _, s := range c.shell {
		_ = script.ReadShell(it, s.text, s.at, shVariant, true)
	}
	words := c.words
	if i := shellC(words); i >= 0 && words[i+1].Known {
		at := words[i+1].Range.Start
		if words[i+1].Raw != nil {
			at = words[i+1].Raw.At // after the opening quote
		}
		_ = script.ReadShell(it, []byte(words[i+1].Value), at, shVariant, true)
		words = words[:i]
	}
	if c.hasImage && isVaultImage(c.image) && len(words) > 0 && words[0].Known && vaultSubcommands[words[0].Value] {
		vault := script.Arg{Value: "vault", Known: true, Range: words[0].Range}
		words = append([]script.Arg{vault}, words...)
	}
	for i := range words {
		if words[i].Known && (words[i].Value == "vault" || strings.HasSuffix(words[i].Value, "/vault")) && i+1 < len(words) {
			it.Command(words[i:], nil)
			break
		}
	}
	if c.hasImage && isVaultImage(c.image) && !c.explicitCmd {
		it.DefaultDevServer(c.imageRange)
	}
	if len(c.env) > 0 {
		it.Env(c.env)
	}
}

// shellC finds `sh -c SCRIPT` (or bash) in the words: the index of -c.
func shellC(words []script.Arg) int {
	for i := 0; i+2 < len(words); i++ {
		b := path.Base(words[i].Value)
		if (b == "sh" || b == "bash" || b == "ash" || b == "dash") && words[i+1].Value == "-c" {
			return i + 1
		}
	}
	return -1
}
