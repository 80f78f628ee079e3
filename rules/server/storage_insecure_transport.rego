# METADATA
# title: "Storage reached over an unencrypted or unverified connection"
# description: |
#   Vault encrypts what it stores, but the storage connection still carries
#   tokens (Consul ACL), raft cluster traffic and request forwarding. Consul
#   with scheme = "http" to a remote agent or tls_skip_verify, raft
#   retry_join over http://, PostgreSQL with sslmode=disable, MySQL
#   tls_skip_verify, S3 disable_ssl or etcd over http:// expose or let an
#   attacker impersonate the backend.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/configuration/storage/consul#scheme
# custom:
#   id: VG-SRV-020
#   severity: high
#   kinds: [server_config]
#   remediation: "Use https (scheme = \"https\", https:// leader_api_addr, sslmode=verify-full) with tls_ca_file set and tls_skip_verify left false."
package vaultguard.rules.server.storage_insecure_transport

import data.vaultguard.lib

sections := ["storage", "ha_storage", "service_registration"]

deny contains {"msg": msg, "_loc": a._loc} if {
	some cfg in input.server_config
	some section in sections
	some s in cfg[section]
	some [a, why] in problems(s)
	msg := sprintf("%s %q: %s", [section, s._type, why])
}

problems(s) := [[s.scheme, "scheme = \"http\" to a remote agent sends the ACL token and data in clear"]] if {
	lower(s.scheme.value) == "http"
	not lib.is_loopback(address(s))
}

problems(s) := [[s.tls_skip_verify, "tls_skip_verify disables certificate verification"]] if s.tls_skip_verify.bool

problems(s) := [[s.connection_url, "sslmode=disable sends data and credentials in clear"]] if {
	contains(lower(s.connection_url.value), "sslmode=disable")
}

problems(s) := [[s.disable_ssl, "disable_ssl sends data to the object store over plain http"]] if s.disable_ssl.bool

problems(s) := [[s.address, "address is plain http to a remote host"]] if lib.is_http_remote(s.address.value)

problems(s) := [[j.leader_api_addr, "retry_join leader_api_addr is plain http: raft join traffic, including the bootstrap challenge, is unencrypted"]] if {
	some j in s.retry_join
	lib.is_http_remote(j.leader_api_addr.value)
}

problems(s) := [[j.auto_join_scheme, "retry_join auto_join_scheme = \"http\""]] if {
	some j in s.retry_join
	lower(j.auto_join_scheme.value) == "http"
}

address(s) := s.address.value if s.address.known
else := "127.0.0.1:8500"
