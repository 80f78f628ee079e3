#!/usr/bin/env bash
# The seed post's role with unlimited secret ID uses.
set -euo pipefail

vault write auth/approle/role/payments-api \
    token_policies="payments-api" token_ttl=1h token_max_ttl=4h \
    secret_id_ttl=24h secret_id_num_uses=0 # want: VG-AUTH-001

vault write auth/approle/role/batch token_policies=batch token_ttl=30m token_max_ttl=2h secret_id_ttl=10m # want: VG-AUTH-001
