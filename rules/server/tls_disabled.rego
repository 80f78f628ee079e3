# METADATA
# title: Listener without TLS
# description: |
#   A tcp listener with tls_disable set serves the Vault API over plain HTTP:
#   client tokens, secret IDs and every secret read cross the network in
#   clear text. On a loopback address only local processes can reach it (a
#   sidecar or agent pattern), which is graded low; on any other address it
#   is critical.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/configuration/listener/tcp#tls_disable
# custom:
#   id: VG-SRV-002
#   severity: critical
#   kinds: [server_config]
#   remediation: Remove tls_disable and set tls_cert_file and tls_key_file (or terminate TLS in front of Vault and keep the listener on loopback).
package vaultguard.rules.server.tls_disabled

import data.vaultguard.lib

deny contains {"msg": msg, "_loc": l.tls_disable._loc, "severity": severity} if {
	some cfg in input.server_config
	some l in cfg.listener
	l._type == "tcp"
	l.tls_disable.bool == true
	addr := lib.listener_address(l)
	severity := grade(addr)
	msg := sprintf("listener on %s has tls_disable = true: tokens and secrets cross the network in clear text%s", [shown(addr), note(addr)])
}

grade(addr) := "low" if lib.is_loopback(addr)
else := "critical"

shown("") := "127.0.0.1:8200 (default)"

shown(addr) := addr if addr != ""

note(addr) := " (loopback only)" if lib.is_loopback(addr)
else := ""
