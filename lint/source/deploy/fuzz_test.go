package deploy_test

import (
	"testing"

	"github.com/vaultguard/vaultguard/lint/source/deploy"
)

// FuzzRead feeds arbitrary text to the deploy adapter as each of its
// formats: it must never panic.
func FuzzRead(f *testing.F) {
	f.Add("services:\n  vault:\n    image: hashicorp/vault\n    environment:\n      - VAULT_DEV_ROOT_TOKEN_ID=x\n", uint8(0))
	f.Add("containers:\n  - image: vault\n    args: [server, -dev]\n    env:\n      - name: VAULT_ADDR\n        value: http://v\n", uint8(0))
	f.Add("FROM vault\nENV VAULT_TOKEN root\nCMD [\"server\", \\\n \"-dev\"]\n", uint8(1))
	f.Add("[Service]\nExecStart=-/usr/bin/vault server -dev\nEnvironment=\"VAULT_ADDR=http://x\" A=b\n", uint8(2))
	names := []string{"docker-compose.yml", "Dockerfile", "vault.service"}
	f.Fuzz(func(t *testing.T, src string, which uint8) {
		name := names[int(which)%len(names)]
		in, _ := deploy.New().Read(name, []byte(src))
		if in != nil {
			_ = in.Value()
		}
	})
}
