#!/bin/bash
vault write auth/approle/role/ci token_policies=ci token_ttl=20m token_max_ttl=1h secret_id_num_uses=1 # want: VG-AUTH-002
vault write auth/approle/role/nightly token_policies=nightly token_ttl=20m token_max_ttl=1h secret_id_num_uses=1 \
    secret_id_ttl=0 # want: VG-AUTH-002
vault write auth/approle/role/weekly token_policies=weekly token_ttl=20m token_max_ttl=1h secret_id_num_uses=1 \
    secret_id_ttl=168h # want: VG-AUTH-002
