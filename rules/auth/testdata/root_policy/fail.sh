#!/bin/bash
vault write auth/approle/role/ops secret_id_num_uses=1 secret_id_ttl=10m token_ttl=1h token_max_ttl=4h token_policies="default, Root" # want: VG-AUTH-006
ADMIN_TOKEN=$(vault token create -policy=root -ttl=1h -field=token) # want: VG-AUTH-006
