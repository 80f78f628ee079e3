#!/usr/bin/env bash
# The seed post's role with a 32-day token.
vault write auth/approle/role/payments-api \
    token_policies="payments-api" secret_id_ttl=24h secret_id_num_uses=1 token_max_ttl=4h \
    token_ttl=768h # want: VG-AUTH-004

vault write auth/kubernetes/role/web bound_service_account_names=web bound_service_account_namespaces=prod policies=web ttl=1h # want: VG-AUTH-004
vault write auth/token/roles/ci allowed_policies=ci token_ttl=30m token_max_ttl=720h # want: VG-AUTH-004
