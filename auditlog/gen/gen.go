// Package gen writes synthetic Vault audit logs for benchmarks. The entries
// copy the shape of real Vault 1.21 file-device lines (alphabetical keys,
// HMAC'd tokens, accessors and data values, policy_results, mount_* fields,
// request/response pairs) and vary what a real cluster varies: identities
// of several auth methods, KV v2 secrets, database credentials, transit,
// token self-lookups, logins, sys/ calls, source addresses and denials.
// Output is deterministic for a seed.
package gen

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
	"time"
)

// Config shapes a generated log.
type Config struct {
	Seed       uint64
	Start      time.Time
	Identities int
	Secrets    int
	// TargetPath is a KV v2 API path (kv/data/...) read once every
	// TargetEvery requests, the needle of who-read benchmarks.
	TargetPath  string
	TargetEvery int
}

// DefaultConfig is a mid-size cluster: 300 identities, 5000 secrets.
func DefaultConfig() Config {
	return Config{
		Seed:        1,
		Start:       time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
		Identities:  300,
		Secrets:     5000,
		TargetPath:  "kv/data/payments/stripe",
		TargetEvery: 5000,
	}
}

type identity struct {
	displayName, entityID, accessor, token, clientID string
	method                                           string
	metadata                                         string // JSON object body
	policies                                         []string
	addrs                                            []string
	ttl                                              int
}

// Generator writes entries; it is not safe for concurrent use.
type Generator struct {
	cfg     Config
	rng     *rand.Rand
	ids     []identity
	secrets []string
	hmacs   []string
	now     time.Time
	buf     []byte
	n       int64
}

// New returns a Generator for cfg.
func New(cfg Config) *Generator {
	g := &Generator{cfg: cfg, rng: rand.New(rand.NewPCG(cfg.Seed, cfg.Seed^0x9e3779b97f4a7c15)), now: cfg.Start}
	for i := 0; i < 4096; i++ {
		g.hmacs = append(g.hmacs, "hmac-sha256:"+g.hex(32))
	}
	teams := []string{"payments", "billing", "finance", "support", "platform", "search", "identity", "growth", "data", "infra"}
	apps := []string{"api", "worker", "web", "cron", "gateway", "ledger", "mailer", "reports", "sync", "auth"}
	leaves := []string{"db", "stripe", "smtp", "s3", "signing-key", "webhook", "oauth", "redis", "kafka", "tls"}
	for i := 0; i < cfg.Secrets; i++ {
		p := fmt.Sprintf("%s/%s/%s", teams[g.rng.IntN(len(teams))], apps[g.rng.IntN(len(apps))], leaves[g.rng.IntN(len(leaves))])
		if i%3 == 0 {
			p += "-" + strconv.Itoa(i)
		}
		g.secrets = append(g.secrets, p)
	}
	for i := 0; i < cfg.Identities; i++ {
		id := identity{entityID: g.uuid(), accessor: g.hmac(), token: g.hmac(), ttl: 2764800}
		id.clientID = id.entityID
		team := teams[i%len(teams)]
		switch i % 4 {
		case 0:
			user := fmt.Sprintf("user%03d", i)
			id.method, id.displayName = "userpass", "userpass-"+user
			id.metadata = `{"username":"` + user + `"}`
			id.policies = []string{"default", team}
		case 1:
			role := fmt.Sprintf("%s-%s", team, apps[i%len(apps)])
			id.method, id.displayName = "approle", "approle"
			id.metadata = `{"role_name":"` + role + `"}`
			id.policies = []string{"default", role}
			id.ttl = 1200
		case 2:
			sa := fmt.Sprintf("%s-sa-%d", apps[i%len(apps)], i)
			id.method, id.displayName = "kubernetes", "kubernetes-"+team+"-"+sa
			id.metadata = `{"role":"` + team + `","service_account_name":"` + sa + `","service_account_namespace":"` + team + `","service_account_secret_name":"","service_account_uid":"` + g.uuid() + `"}`
			id.policies = []string{"default", team + "-k8s"}
			id.ttl = 3600
		default:
			email := fmt.Sprintf("person%03d@example.com", i)
			id.method, id.displayName = "oidc", "oidc-"+email
			id.metadata = `{"email":"` + email + `","role":"engineer"}`
			id.policies = []string{"default", "engineer"}
		}
		for k := 0; k <= i%3; k++ {
			id.addrs = append(id.addrs, fmt.Sprintf("10.%d.%d.%d", 1+i%20, g.rng.IntN(256), 1+g.rng.IntN(254)))
		}
		g.ids = append(g.ids, id)
	}
	// root is rare but present in every real log.
	g.ids = append(g.ids, identity{displayName: "root", method: "token", accessor: g.hmac(), token: g.hmac(),
		policies: []string{"root"}, addrs: []string{"10.0.0.5"}})
	return g
}

const hexdigits = "0123456789abcdef"

func (g *Generator) hex(n int) string {
	b := make([]byte, 2*n)
	for i := 0; i < n; i++ {
		v := g.rng.Uint32()
		b[2*i], b[2*i+1] = hexdigits[v&15], hexdigits[(v>>4)&15]
	}
	return string(b)
}

func (g *Generator) hmac() string { return "hmac-sha256:" + g.hex(32) }

func (g *Generator) uuid() string {
	h := g.hex(16)
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}

func (g *Generator) appendUUID(b []byte) []byte {
	a, c := g.rng.Uint64(), g.rng.Uint64()
	for i := 0; i < 32; i++ {
		if i == 8 || i == 12 || i == 16 || i == 20 {
			b = append(b, '-')
		}
		var v uint64
		if i < 16 {
			v = a >> (4 * i)
		} else {
			v = c >> (4 * (i - 16))
		}
		b = append(b, hexdigits[v&15])
	}
	return b
}

func (g *Generator) anyHMAC() string { return g.hmacs[g.rng.IntN(len(g.hmacs))] }

type request struct {
	op, path, mountPoint, mountType, mountAccessor, mountClass, version string
	respData                                                            string
	lease                                                               string
	login                                                               bool
}

func (g *Generator) pick(target bool) request {
	if target {
		return g.kvRead(g.cfg.TargetPath)
	}
	switch x := g.rng.IntN(100); {
	case x < 62:
		return g.kvRead("kv/data/" + g.secrets[g.rng.IntN(len(g.secrets))])
	case x < 70:
		s := g.secrets[g.rng.IntN(len(g.secrets))]
		for i := len(s) - 1; i > 0; i-- {
			if s[i] == '/' {
				s = s[:i+1]
				break
			}
		}
		return request{op: "list", path: "kv/metadata/" + s, mountPoint: "kv/", mountType: "kv", mountAccessor: "kv_97beab44", mountClass: "secret", version: "v0.25.0+builtin",
			respData: `{"keys":["` + g.anyHMAC() + `","` + g.anyHMAC() + `","` + g.anyHMAC() + `"]}`}
	case x < 75:
		return request{op: "update", path: "kv/data/" + g.secrets[g.rng.IntN(len(g.secrets))], mountPoint: "kv/", mountType: "kv", mountAccessor: "kv_97beab44", mountClass: "secret", version: "v0.25.0+builtin",
			respData: `{"created_time":"` + g.anyHMAC() + `","custom_metadata":null,"deletion_time":"","destroyed":false,"version":` + strconv.Itoa(1+g.rng.IntN(9)) + `}`}
	case x < 80:
		role := []string{"billing-readonly", "payments-rw", "reports-ro"}[g.rng.IntN(3)]
		return request{op: "read", path: "database/creds/" + role, mountPoint: "database/", mountType: "database", mountAccessor: "database_1c2d3e4f", mountClass: "secret", version: "v1.21.0+builtin.vault",
			respData: `{"password":"` + g.anyHMAC() + `","username":"` + g.anyHMAC() + `"}`, lease: "database/creds/" + role + "/" + g.hex(12)}
	case x < 85:
		op := []string{"encrypt", "decrypt"}[g.rng.IntN(2)]
		return request{op: "update", path: "transit/" + op + "/billing-cards", mountPoint: "transit/", mountType: "transit", mountAccessor: "transit_5a6b7c8d", mountClass: "secret", version: "v1.21.0+builtin.vault",
			respData: `{"` + map[string]string{"encrypt": "ciphertext", "decrypt": "plaintext"}[op] + `":"` + g.anyHMAC() + `","key_version":1}`}
	case x < 93:
		return request{op: "read", path: "auth/token/lookup-self", mountPoint: "auth/token/", mountType: "token", mountAccessor: "auth_token_0a1b2c3d", mountClass: "auth", version: "v1.21.0+builtin.vault",
			respData: `{"accessor":"` + g.anyHMAC() + `","creation_time":1767225600,"display_name":"` + g.anyHMAC() + `","entity_id":"` + g.anyHMAC() + `","policies":["` + g.anyHMAC() + `"],"ttl":2764000,"type":"` + g.anyHMAC() + `"}`}
	case x < 97:
		return request{op: "update", path: "auth/approle/login", mountPoint: "auth/approle/", mountType: "approle", mountAccessor: "auth_approle_cd97a0c3", mountClass: "auth", version: "v1.21.0+builtin.vault", login: true}
	default:
		return request{op: "read", path: "sys/mounts", mountPoint: "sys/", mountType: "system", mountAccessor: "system_826902c4", mountClass: "secret", version: "v1.21.0+builtin.vault",
			respData: `{"kv/":{"type":"` + g.anyHMAC() + `"},"sys/":{"type":"` + g.anyHMAC() + `"}}`}
	}
}

func (g *Generator) kvRead(path string) request {
	return request{op: "read", path: path, mountPoint: "kv/", mountType: "kv", mountAccessor: "kv_97beab44", mountClass: "secret", version: "v0.25.0+builtin",
		respData: `{"data":{"password":"` + g.anyHMAC() + `","username":"` + g.anyHMAC() + `"},"metadata":{"created_time":"` + g.anyHMAC() + `","custom_metadata":null,"deletion_time":"","destroyed":false,"version":` + strconv.Itoa(1+g.rng.IntN(5)) + `}}`}
}

func appendStrings(b []byte, l []string) []byte {
	b = append(b, '[')
	for i, s := range l {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '"')
		b = append(b, s...)
		b = append(b, '"')
	}
	return append(b, ']')
}

// appendPair appends one request entry line and its response entry line.
func (g *Generator) appendPair(b []byte) []byte {
	g.n++
	target := g.cfg.TargetEvery > 0 && g.n%int64(g.cfg.TargetEvery) == 0
	id := &g.ids[g.rng.IntN(len(g.ids))]
	if g.rng.IntN(2000) == 0 {
		id = &g.ids[len(g.ids)-1]
	}
	r := g.pick(target)
	denied := !r.login && id.displayName != "root" && g.rng.IntN(100) < 3
	addr := id.addrs[g.rng.IntN(len(id.addrs))]
	port := strconv.Itoa(1024 + g.rng.IntN(64000))
	g.now = g.now.Add(time.Duration(g.rng.IntN(20_000_000)))
	reqID := g.appendUUID(nil)
	var ts [40]byte

	for pass := 0; pass < 2; pass++ {
		resp := pass == 1
		b = append(b, '{')
		if r.login {
			if resp {
				b = append(b, `"auth":{"accessor":"`...)
				b = append(b, g.anyHMAC()...)
				b = append(b, `","client_token":"`...)
				b = append(b, g.anyHMAC()...)
				b = append(b, `","display_name":"approle","entity_id":"`...)
				b = append(b, id.entityID...)
				b = append(b, `","metadata":{"role_name":"billing-api"},"policies":["billing-api","default"],"token_policies":["billing-api","default"],"token_ttl":1200,"token_type":"service"},`...)
			}
		} else {
			if denied {
				b = append(b, `"error":"1 error occurred:\n\t* permission denied\n\n",`...)
			}
			b = append(b, `"auth":{"accessor":"`...)
			b = append(b, id.accessor...)
			b = append(b, `","client_token":"`...)
			b = append(b, id.token...)
			b = append(b, `","display_name":"`...)
			b = append(b, id.displayName...)
			if id.entityID != "" {
				b = append(b, `","entity_id":"`...)
				b = append(b, id.entityID...)
			}
			b = append(b, '"')
			if id.metadata != "" {
				b = append(b, `,"metadata":`...)
				b = append(b, id.metadata...)
			}
			b = append(b, `,"policies":`...)
			b = appendStrings(b, id.policies)
			if denied {
				b = append(b, `,"policy_results":{"allowed":false}`...)
			} else {
				b = append(b, `,"policy_results":{"allowed":true,"granting_policies":[{"type":""},{"name":"`...)
				b = append(b, id.policies[len(id.policies)-1]...)
				b = append(b, `","namespace_id":"root","type":"acl"}]}`...)
			}
			b = append(b, `,"token_policies":`...)
			b = appendStrings(b, id.policies)
			b = append(b, `,"token_issue_time":"2026-01-01T00:00:00Z","token_ttl":`...)
			b = strconv.AppendInt(b, int64(id.ttl), 10)
			b = append(b, `,"token_type":"service"},`...)
		}
		b = append(b, `"request":{`...)
		if !r.login {
			if id.clientID != "" {
				b = append(b, `"client_id":"`...)
				b = append(b, id.clientID...)
				b = append(b, `",`...)
			}
			b = append(b, `"client_token":"`...)
			b = append(b, id.token...)
			b = append(b, `","client_token_accessor":"`...)
			b = append(b, id.accessor...)
			b = append(b, `",`...)
		} else {
			b = append(b, `"data":{"role_id":"`...)
			b = append(b, g.anyHMAC()...)
			b = append(b, `","secret_id":"`...)
			b = append(b, g.anyHMAC()...)
			b = append(b, `"},`...)
		}
		if r.op == "update" && r.mountType == "kv" {
			b = append(b, `"data":{"data":{"password":"`...)
			b = append(b, g.anyHMAC()...)
			b = append(b, `"}},`...)
		}
		b = append(b, `"headers":{"user-agent":["Go-http-client/1.1"]},"id":"`...)
		b = append(b, reqID...)
		b = append(b, `","mount_accessor":"`...)
		b = append(b, r.mountAccessor...)
		b = append(b, `","mount_class":"`...)
		b = append(b, r.mountClass...)
		b = append(b, `","mount_point":"`...)
		b = append(b, r.mountPoint...)
		b = append(b, `","mount_running_version":"`...)
		b = append(b, r.version...)
		b = append(b, `","mount_type":"`...)
		b = append(b, r.mountType...)
		b = append(b, `","namespace":{"id":"root"},"operation":"`...)
		b = append(b, r.op...)
		b = append(b, `","path":"`...)
		b = append(b, r.path...)
		b = append(b, `","remote_address":"`...)
		b = append(b, addr...)
		b = append(b, `","remote_port":`...)
		b = append(b, port...)
		b = append(b, '}')
		if resp {
			b = append(b, `,"response":{`...)
			switch {
			case denied:
				b = append(b, `"data":{"error":"`...)
				b = append(b, g.anyHMAC()...)
				b = append(b, `"},`...)
			case r.login:
				b = append(b, `"auth":{"accessor":"`...)
				b = append(b, g.anyHMAC()...)
				b = append(b, `","client_token":"`...)
				b = append(b, g.anyHMAC()...)
				b = append(b, `","display_name":"approle","entity_id":"`...)
				b = append(b, id.entityID...)
				b = append(b, `","metadata":{"role_name":"billing-api"},"policies":["billing-api","default"],"token_policies":["billing-api","default"],"token_ttl":1200,"token_type":"service"},`...)
			default:
				if r.respData != "" {
					b = append(b, `"data":`...)
					b = append(b, r.respData...)
					b = append(b, ',')
				}
				if r.lease != "" {
					b = append(b, `"secret":{"lease_id":"`...)
					b = append(b, r.lease...)
					b = append(b, `"},`...)
				}
			}
			b = append(b, `"mount_accessor":"`...)
			b = append(b, r.mountAccessor...)
			b = append(b, `","mount_class":"`...)
			b = append(b, r.mountClass...)
			b = append(b, `","mount_point":"`...)
			b = append(b, r.mountPoint...)
			b = append(b, `","mount_running_plugin_version":"`...)
			b = append(b, r.version...)
			b = append(b, `","mount_type":"`...)
			b = append(b, r.mountType...)
			b = append(b, `"}`...)
		}
		t := g.now
		if resp {
			t = t.Add(time.Duration(200_000 + g.rng.IntN(3_000_000)))
		}
		b = append(b, `,"time":"`...)
		b = append(b, t.AppendFormat(ts[:0], time.RFC3339Nano)...)
		if resp {
			b = append(b, `","type":"response"}`...)
		} else {
			b = append(b, `","type":"request"}`...)
		}
		b = append(b, '\n')
	}
	return b
}

// Write writes request/response pairs to w until at least size bytes are
// written (size < 0: forever, until w fails) and returns the byte count.
func (g *Generator) Write(w io.Writer, size int64) (int64, error) {
	bw := bufio.NewWriterSize(w, 1<<20)
	var written int64
	b := g.buf[:0]
	for size < 0 || written < size {
		b = g.appendPair(b[:0])
		n, err := bw.Write(b)
		written += int64(n)
		if err != nil {
			return written, err
		}
	}
	g.buf = b
	return written, bw.Flush()
}

// Pairs is how many request/response pairs were written.
func (g *Generator) Pairs() int64 { return g.n }
