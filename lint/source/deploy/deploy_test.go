package deploy_test

import (
	"fmt"
	"slices"
	"sort"
	"testing"

	"github.com/vaultguard/vaultguard/lint/model"
	"github.com/vaultguard/vaultguard/lint/source/deploy"
)

// summary lists what a file was read as: kind(via) attr@line:col ...
func summary(t *testing.T, name, src string) []string {
	t.Helper()
	in, errs := deploy.New().Read(name, []byte(src))
	for _, e := range errs {
		t.Errorf("error: %v", e)
	}
	var out []string
	for _, o := range in.Objects {
		keys := model.SortedKeys(o.Attrs)
		for _, k := range keys {
			a := o.Attrs[k]
			v := fmt.Sprint(a.Value)
			if !a.Known {
				v = "?"
			}
			out = append(out, fmt.Sprintf("%s(%v) %s=%s@%d:%d", o.Kind, o.Meta["via"], k, v, a.Range.Start.Line, a.Range.Start.Column))
		}
	}
	sort.Strings(out)
	return out
}

func check(t *testing.T, name, src string, want []string) {
	t.Helper()
	got := summary(t, name, src)
	sort.Strings(want)
	if !slices.Equal(got, want) {
		t.Errorf("%s:\n got  %q\n want %q", name, got, want)
	}
}

func TestCompose(t *testing.T) {
	check(t, "docker-compose.yml", `services:
  dev:
    image: hashicorp/vault:1.17
    environment:
      VAULT_DEV_ROOT_TOKEN_ID: "root"
      VAULT_ADDR: http://vault:8200
  explicit:
    image: vault:1.13
    command: server -dev -dev-listen-address=0.0.0.0:8200
    environment:
      - VAULT_DEV_LISTEN_ADDRESS=${ADDR}
  shell:
    image: alpine
    entrypoint: ["sh", "-c", "vault server -dev-tls"]
  app:
    image: example/app
    environment:
      VAULT_TOKEN: hvs.abcdefghijklmnop
`, []string{
		"server_command(image_default) dev=true@3:12",
		"server_command(env) dev_root_token_id=root@5:7",
		"provider(env) address=http://vault:8200@6:7",
		"server_command(argv) dev=true@9:21",
		"server_command(argv) dev_listen_address=0.0.0.0:8200@9:26",
		"server_command(env) dev_listen_address=?@11:9",
		"server_command(argv) dev_tls=true@14:44",
		"provider(env) token=hvs.abcdefghijklmnop@18:7",
	})
}

func TestKubernetesAndHelm(t *testing.T) {
	check(t, "vault.yaml", `apiVersion: v1
kind: Pod
spec:
  containers:
    - name: vault
      image: hashicorp/vault:1.17
      args: ["server", "-dev"]
      env:
        - name: VAULT_SKIP_VERIFY
          value: "true"
        - name: VAULT_TOKEN
          valueFrom:
            secretKeyRef: {name: t, key: t}
---
server:
  dev:
    enabled: true
    devRootToken: root
`, []string{
		"server_command(argv) dev=true@7:24",
		"provider(env) skip_tls_verify=true@9:17",
		"provider(env) token=?@11:17",
		"server_command(argv) dev=true@17:14",
		"server_command(argv) dev_root_token_id=root@18:19",
	})
}

func TestLocalConfigIsLintedWhereItStands(t *testing.T) {
	in, errs := deploy.New().Read("docker-compose.yml", []byte(`services:
  vault:
    image: hashicorp/vault:1.17
    command: server
    environment:
      VAULT_LOCAL_CONFIG: >-
        {
          "storage": {"file": {"path": "/vault/file"}},
          "listener": {"tcp": {"address": "0.0.0.0:8200", "tls_disable": true}}
        }
`))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var cfg *model.Object
	for _, o := range in.Objects {
		if o.Kind == model.KindServerConfig {
			cfg = o
		}
	}
	if cfg == nil {
		t.Fatal("no server_config from VAULT_LOCAL_CONFIG")
	}
	l := cfg.Blocks["listener"][0]
	if a := l.Attrs["tls_disable"]; a == nil || a.Range.Start.Line != 9 || a.Range.Start.Column != 74 {
		t.Errorf("tls_disable = %+v, want it at 9:74 in the compose file", a)
	}
}

func TestDockerfileAndSystemd(t *testing.T) {
	check(t, "Dockerfile", `FROM golang:1.22 AS build
RUN go build ./...
FROM hashicorp/vault:1.17
ENV VAULT_ADDR=https://127.0.0.1:8200 \
    VAULT_SKIP_VERIFY=1
ENV VAULT_TOKEN root
`, []string{
		"provider(env) address=https://127.0.0.1:8200@4:5",
		"provider(env) skip_tls_verify=1@5:5",
		"provider(env) token=root@6:5",
		"server_command(image_default) dev=true@3:6",
	})
	check(t, "Dockerfile", "FROM hashicorp/vault:1.17\nENTRYPOINT [\"vault\"]\nCMD [\"server\", \"-config=/vault/config\"]\n", []string{
		"server_command(argv) config=/vault/config@3:16",
	})
	check(t, "Dockerfile", "FROM alpine\nCMD [\"sh\", \"-c\", \"vault server -dev\"]\n", []string{
		"server_command(argv) dev=true@2:32",
	})
	check(t, "vault.service", `[Service]
Environment="VAULT_ADDR=http://10.0.0.1:8200" VAULT_SKIP_VERIFY=true
ExecStart=-/usr/local/bin/vault server -dev \
  -dev-listen-address=0.0.0.0:8200
`, []string{
		"provider(env) address=http://10.0.0.1:8200@2:13",
		"provider(env) skip_tls_verify=true@2:47",
		"server_command(argv) dev=true@3:40",
		"server_command(argv) dev_listen_address=0.0.0.0:8200@4:3",
	})
}

func TestYAMLWithoutVaultIsNotRead(t *testing.T) {
	in, errs := deploy.New().Read("ci.yml", []byte("jobs: {build: {steps: [{run: make}]}}\n"))
	if len(errs) > 0 || len(in.Objects) > 0 {
		t.Errorf("got %v %v", in.Objects, errs)
	}
	in, errs = deploy.New().Read("chart/templates/vault.yaml", []byte("image: {{ .Values.vault.image }}\n  bad: [\n"))
	if len(errs) > 0 || len(in.Objects) > 0 {
		t.Errorf("a template is not YAML until rendered: %v %v", in.Objects, errs)
	}
}

func TestHelmServerConfig(t *testing.T) {
	in, errs := deploy.New().Read("values.yaml", []byte(`server:
  extraEnvironmentVars:
    VAULT_SKIP_VERIFY: "true"
  ha:
    enabled: false
    config: |
      storage "consul" {}
  standalone:
    enabled: "-"
    config: |
      listener "tcp" {
        tls_disable = 1
      }
      storage "inmem" {}
`))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var got []string
	for _, o := range in.Objects {
		switch o.Kind {
		case model.KindServerConfig:
			s := o.Blocks["storage"][0]
			got = append(got, fmt.Sprintf("config %s@%d:%d", s.Labels[0], s.Range.Start.Line, s.Range.Start.Column))
		case model.KindProvider:
			got = append(got, fmt.Sprintf("provider skip_tls_verify@%d", o.Attrs["skip_tls_verify"].Range.Start.Line))
		}
	}
	want := []string{"provider skip_tls_verify@3", "config inmem@14:7"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q (the disabled ha config is not read)", got, want)
	}
}
