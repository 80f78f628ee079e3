package script_test

import (
	"testing"

	"github.com/vaultguard/vaultguard/lint/source/script"
)

// FuzzRead feeds arbitrary text to the script adapter, as a script and as
// Markdown: it must never panic, and everything it reports must point
// into the file.
func FuzzRead(f *testing.F) {
	f.Add("vault write auth/approle/role/x token_ttl=1h secret_id_num_uses=0\n", false)
	f.Add("vault policy write p - <<EOF\npath \"secret/*\" { capabilities = [\"read\"] }\nEOF\n", false)
	f.Add("echo 'path \"a\" {}' | vault policy write a -\nexport VAULT_TOKEN=hvs.x VAULT_ADDR=http://h\n", false)
	f.Add("vault server -dev -dev-root-token-id=\"$T\" &\nvault login $TOK\nvault audit disable file\n", false)
	f.Add("```console\n$ vault secrets enable -path=db -max-lease-ttl=1h database\n$ vault write db/roles/r max_ttl=1h \\\n  default_ttl=2h\n```\n", true)
	f.Add("```sh\nvault write transit/keys/k/config deletion_allowed=true <x>\n```\n", true)
	f.Fuzz(func(t *testing.T, src string, markdown bool) {
		name := "f.sh"
		if markdown {
			name = "f.md"
		}
		in, errs := script.New().Read(name, []byte(src))
		for _, e := range errs {
			if e.Range.File != name || e.Range.Start.Line < 1 {
				t.Fatalf("error outside the file: %+v", e)
			}
		}
		if in == nil {
			return
		}
		for _, o := range in.Objects {
			if o.Range.File != name {
				t.Fatalf("%s object outside the file: %+v", o.Kind, o.Range)
			}
			for k, a := range o.Attrs {
				if a.Range.Start.Line < 1 {
					t.Fatalf("%s.%s without a position: %+v", o.Kind, k, a.Range)
				}
			}
		}
		_ = in.Value()
	})
}
