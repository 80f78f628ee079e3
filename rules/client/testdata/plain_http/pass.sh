#!/bin/bash
# A dev server on this host, and a remote one over TLS.
export VAULT_ADDR=http://127.0.0.1:8200
vault status -address=https://vault.internal:8200
