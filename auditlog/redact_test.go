package auditlog

import (
	"strings"
	"testing"

	report "github.com/vaultguard/vaultguard/report/audit"
)

func TestRedactorScrubsTokens(t *testing.T) {
	red := NewRedactor()
	custom := "my-custom-token-id-42" // vault token create -id=... has no recognisable shape
	red.Observe(&Entry{Auth: Auth{ClientToken: custom}, Request: Request{ClientToken: "hmac-sha256:abc"}})
	rec := report.Record{
		Path:  "auth/token/lookup/hvs.CAESIBQZKtoali-A9UdENqFmirlPPkFinC5EMD3",
		Error: "bad token s.AbCdEfGhIjKlMnOpQrStUvWx here and " + custom,
		Identity: report.Identity{
			Metadata: map[string]string{"note": "b.AAAAAQJx8yZ0ZLdkz5lmAqVe"},
		},
		Token: report.Token{Accessor: "hmac-sha256:abc"},
	}
	red.Record(&rec)
	all := rec.Path + rec.Error + rec.Identity.Metadata["note"]
	for _, leak := range []string{"hvs.CAES", "s.AbCd", custom, "b.AAAA"} {
		if strings.Contains(all, leak) {
			t.Errorf("leaked %q in %q", leak, all)
		}
	}
	if rec.Token.Accessor != "hmac-sha256:abc" || red.Count != 4 {
		t.Errorf("accessor %q, count %d", rec.Token.Accessor, red.Count)
	}
}
