package lint

import (
	"context"
	"fmt"
	"sort"
	"testing"
)

// TestParallelEvaluationFindsWhatOneEvaluationFinds: splitting the input
// along co-held policy groups must not lose or invent a finding, the
// policy-set ones (deny overridden by an allow in a co-held policy)
// included.
func TestParallelEvaluationFindsWhatOneEvaluationFinds(t *testing.T) {
	dir := t.TempDir()
	for i := range 2 * minPoliciesToSplit {
		body := fmt.Sprintf("path \"secret/data/app%d/*\" {\n  capabilities = [\"read\"]\n}\n", i)
		if i == 43 {
			// Same pattern as p000's, denied: a conflict only because
			// role "a" holds p000 and p043 together.
			body += "path \"secret/data/app0/*\" {\n  capabilities = [\"deny\"]\n}\n"
		}
		if i%7 == 0 {
			body += fmt.Sprintf("path \"secret/data/app%d/admin\" {\n  capabilities = [\"deny\"]\n}\n", i+1)
		}
		write(t, dir, fmt.Sprintf("p%03d.hcl", i), []byte(body))
	}
	write(t, dir, "default.hcl", []byte("path \"kv/*\" {\n  capabilities = [\"deny\"]\n}\n"))
	// Roles that hold pairs of policies together.
	write(t, dir, "roles.tf", []byte(`resource "vault_approle_auth_backend_role" "a" {
  role_name          = "a"
  token_policies     = ["p000", "p001", "p043"]
  secret_id_num_uses = 1
  secret_id_ttl      = "1h"
  token_ttl          = "1h"
  token_max_ttl      = "4h"
}
`))
	l := newLinter(t)
	ctx := context.Background()
	_, input, _, err := load(ctx, Target{Paths: []string{dir}, BaseDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(input.Policies) < minPoliciesToSplit {
		t.Fatalf("only %d policies", len(input.Policies))
	}
	e, err := l.engineFor(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	one, err := e.Eval(ctx, input)
	if err != nil {
		t.Fatal(err)
	}
	split := partition(input, 2)
	var many []string
	for _, part := range split {
		rs, err := e.Eval(ctx, part)
		if err != nil {
			t.Fatal(err)
		}
		many = append(many, keys(rs)...)
	}
	a, b := dedupStrings(keys(one)), dedupStrings(many)
	if fmt.Sprint(a) != fmt.Sprint(b) {
		t.Fatalf("one evaluation:\n%v\nsplit evaluation:\n%v", a, b)
	}
	cross := 0
	for _, k := range a {
		if len(k) > 10 && k[:10] == "VG-POL-007" {
			cross++
		}
	}
	if cross == 0 {
		t.Fatalf("no cross-policy finding (VG-POL-007): the test proves nothing\n%v", a)
	}
	if len(split[0].Policies) == 0 || len(split[1].Policies) == 0 {
		t.Fatal("partition left a part empty")
	}
}

func keys(rs []engineResult) []string {
	out := make([]string, 0, len(rs))
	for _, r := range rs {
		out = append(out, fmt.Sprintf("%s %s %s", r.Rule.ID, r.Range, r.Message))
	}
	return out
}

func dedupStrings(in []string) []string {
	sort.Strings(in)
	out := in[:0]
	for i, s := range in {
		if i == 0 || s != in[i-1] {
			out = append(out, s)
		}
	}
	return out
}
