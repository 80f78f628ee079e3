package auditlog

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/klauspost/compress/zstd"
)

// goodPair returns a request and a response line of the shape Vault 1.21
// writes, for request n.
func goodPair(n int) []string {
	id := fmt.Sprintf("00000000-0000-0000-0000-%012d", n)
	auth := `"auth":{"accessor":"hmac-sha256:aa","client_token":"hmac-sha256:bb","display_name":"userpass-carol","entity_id":"e-1","metadata":{"username":"carol"},"policies":["default","finance"],"token_type":"service"}`
	req := fmt.Sprintf(`"request":{"id":"%s","mount_point":"kv/","mount_type":"kv","operation":"read","path":"kv/data/finance/s%d","remote_address":"10.0.0.%d","remote_port":4000}`, id, n, n%250)
	t := time.Date(2026, 1, 1, 0, 0, n, 0, time.UTC).Format(time.RFC3339Nano)
	return []string{
		fmt.Sprintf(`{%s,%s,"time":"%s","type":"request"}`, auth, req, t),
		fmt.Sprintf(`{%s,%s,"response":{"data":{"data":{"k":"hmac-sha256:cc"}}},"time":"%s","type":"response"}`, auth, req, t),
	}
}

func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func joinLines(ls ...string) []byte { return []byte(strings.Join(ls, "\n") + "\n") }

// TestBrokenInputs feeds the corpus of broken inputs the issue lists and
// checks both that every problem is counted at the right line and that the
// good entries around it are all decoded.
func TestBrokenInputs(t *testing.T) {
	dir := t.TempDir()
	p1, p2, p3 := goodPair(1), goodPair(2), goodPair(3)
	huge := strings.Replace(p2[0], `"operation"`, `"data":{"blob":"`+strings.Repeat("x", 10<<20)+`"},"operation"`, 1)
	rng := rand.New(rand.NewPCG(1, 2))
	garbage := make([]byte, 64<<10)
	for i := range garbage {
		garbage[i] = byte(rng.IntN(256))
	}
	garbageLines := bytes.Count(garbage, []byte{'\n'})

	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	var all []string
	for i := 0; i < 2000; i++ {
		all = append(all, goodPair(i)...)
	}
	zw.Write(joinLines(all...))
	zw.Close()
	truncGz := gz.Bytes()[:gz.Len()*6/10]

	var zs bytes.Buffer
	zenc, _ := zstd.NewWriter(&zs)
	zenc.Write(joinLines(p1[0], p1[1]))
	zenc.Close()

	cases := []struct {
		name          string
		data          []byte
		opts          Options
		entries       int // exact, or minimum when atLeast
		atLeast       bool
		malformed     int64
		malformedLine int64 // first malformed line, 0: do not check
	}{
		{"empty file", nil, Options{}, 0, false, 0, 0},
		{"truncated line", joinLines(p1[0], p1[1][:len(p1[1])/2], p2[0], p2[1]), Options{}, 3, false, 1, 2},
		{"truncated last line without newline", []byte(p1[0] + "\n" + p1[1][:100]), Options{}, 1, false, 1, 2},
		{"10 MB entry under the limit", joinLines(p1[0], p1[1], huge, p2[1], p3[0]), Options{}, 5, false, 0, 0},
		{"10 MB entry over the limit", joinLines(p1[0], p1[1], huge, p2[1], p3[0]), Options{MaxEntryBytes: 1 << 20}, 4, false, 1, 3},
		{"10 MB garbage line", joinLines(p1[0], strings.Repeat("\x01garbage", 10<<17), p1[1]), Options{MaxEntryBytes: 1 << 20}, 2, false, 1, 2},
		{"invalid UTF-8 in a value", joinLines(p1[0], strings.Replace(p1[1], "finance", "fin\xff\xfeance", 1), p2[0]), Options{}, 3, false, 0, 0},
		{"invalid UTF-8 line", joinLines(p1[0], "\xff\xfe\xfd{\xc3\x28}", p1[1]), Options{}, 2, false, 1, 2},
		{"binary garbage", append(append(joinLines(p1[0], p1[1]), garbage...), joinLines("", p2[0], p2[1])...), Options{}, 4, false, -1, 3},
		{"NUL bytes", joinLines(p1[0], "\x00\x00\x00\x00", p1[1]), Options{}, 2, false, 1, 2},
		{"truncated gzip", truncGz, Options{}, 100, true, -1, 0},
		{"zstd", zs.Bytes(), Options{}, 2, false, 0, 0},
		{"pretty object cut at end", append(joinLines(p1[0]), []byte("{\n  \"type\": \"request\",\n  \"time\": \"2026-01-01T00:00:00Z\"\n")...), Options{}, 1, false, 1, 2},
		{"CRLF line endings", []byte(p1[0] + "\r\n" + p1[1] + "\r\n"), Options{}, 2, false, 0, 0},
		{"blank lines", joinLines("", p1[0], "", "   ", p1[1], ""), Options{}, 2, false, 0, 0},
		{"syslog header and prefix", joinLines("<38>Nov 13 01:02:03 host vault[966]: "+p1[0], "audit: "+p1[1]), Options{}, 2, false, 0, 0},
		{"prefix containing a brace", joinLines("{vault} "+p1[0], "{vault} "+p1[1]), Options{Prefix: "{vault} "}, 2, false, 0, 0},
		{"JSON that is not an audit entry", joinLines(p1[0], `{"hello":"world"}`, p1[1]), Options{}, 2, false, 1, 2},
	}
	for _, tc := range cases {
		for _, bs := range []int{0, 700} {
			t.Run(fmt.Sprintf("%s/block%d", tc.name, bs), func(t *testing.T) {
				p := writeFile(t, dir, strings.ReplaceAll(tc.name, " ", "_"), tc.data)
				opts := tc.opts
				opts.BlockSize = bs
				got, st := scanAll(t, opts, p)
				if tc.atLeast {
					if len(got) < tc.entries {
						t.Errorf("%d entries, want at least %d", len(got), tc.entries)
					}
				} else if len(got) != tc.entries {
					t.Errorf("%d entries, want %d; malformed %v", len(got), tc.entries, st.MalformedSamples)
				}
				switch {
				case tc.malformed >= 0 && st.Malformed != tc.malformed:
					t.Errorf("%d malformed, want %d: %v", st.Malformed, tc.malformed, st.MalformedSamples)
				case tc.malformed < 0 && st.Malformed == 0:
					t.Errorf("no malformed entries counted")
				}
				if tc.malformedLine != 0 && (len(st.MalformedSamples) == 0 || st.MalformedSamples[0].Line != tc.malformedLine) {
					t.Errorf("first malformed %v, want line %d", st.MalformedSamples, tc.malformedLine)
				}
				for _, m := range st.MalformedSamples {
					if m.File != p {
						t.Errorf("malformed position names %q, want %q", m.File, p)
					}
				}
				for _, e := range got {
					if !strings.HasPrefix(e.Request.Path, "kv/data/") || e.Request.ID == "" {
						t.Errorf("bad entry decoded at line %d: %+v", e.Pos.Line, e.Request)
					}
				}
				if tc.name == "binary garbage" {
					if len(got) == 4 && got[2].Pos.Line != int64(2+garbageLines+2) {
						t.Errorf("line numbers after garbage: got %d, want %d", got[2].Pos.Line, 2+garbageLines+2)
					}
				}
			})
		}
	}
}

func TestRotationOrder(t *testing.T) {
	dir := t.TempDir()
	now := time.Now()
	names := []string{"audit.log", "audit.log.1", "audit.log.2.gz", "other.log"}
	for i, n := range names {
		p := writeFile(t, dir, n, nil)
		mt := now.Add(-time.Duration(i) * time.Hour)
		if n == "other.log" {
			mt = now.Add(-100 * time.Hour)
		}
		if err := os.Chtimes(p, mt, mt); err != nil {
			t.Fatal(err)
		}
	}
	ins, err := ExpandInputs([]string{filepath.Join(dir, "audit.log*"), filepath.Join(dir, "other.log")}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, in := range ins {
		got = append(got, filepath.Base(in.Path))
	}
	if want := "audit.log.2.gz audit.log.1 audit.log other.log"; strings.Join(got, " ") != want {
		t.Errorf("order %v, want %s", got, want)
	}
}

// TestFollow appends to a file, rotates it by rename, writes the new file,
// then truncates it, and expects every entry once, in order.
func TestFollow(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "audit.log")
	var lines []string
	for i := 0; i < 6; i++ {
		lines = append(lines, goodPair(i)...)
	}
	if err := os.WriteFile(p, joinLines(lines[0:2]...), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	got := make(chan string, 100)
	done := make(chan error, 1)
	go func() {
		_, err := Scan(ctx, []Input{{Path: p}}, Options{Follow: true}, func(e *Entry) error {
			got <- e.Request.ID + "/" + e.Type
			return nil
		})
		done <- err
	}()
	wait := func(n int) {
		t.Helper()
		for i := 0; i < n; i++ {
			select {
			case <-got:
			case <-time.After(5 * time.Second):
				t.Fatalf("timed out waiting for entry %d of %d", i+1, n)
			}
		}
	}
	appendTo := func(ls ...string) {
		f, err := os.OpenFile(p, os.O_APPEND|os.O_WRONLY|os.O_CREATE, 0o644)
		if err != nil {
			t.Fatal(err)
		}
		f.Write(joinLines(ls...))
		f.Close()
	}
	wait(2)
	appendTo(lines[2:4]...)
	wait(2)
	if err := os.Rename(p, p+".1"); err != nil {
		t.Fatal(err)
	}
	appendTo(lines[4:6]...)
	wait(2)
	if err := os.Truncate(p, 0); err != nil {
		t.Fatal(err)
	}
	time.Sleep(3 * followPoll)
	appendTo(lines[6:8]...)
	wait(2)
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("follow ended with %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("follow did not stop on cancel")
	}
}
