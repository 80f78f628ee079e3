#!/usr/bin/env bash
TTL=${TTL:-1h}
vault write auth/kubernetes/role/web bound_service_account_names=web bound_service_account_namespaces=prod token_policies=web token_ttl=1h token_max_ttl=24h
# Not statically known: never guessed.
vault write auth/token/roles/ci allowed_policies=ci token_ttl="$TTL" token_max_ttl=2h
