#!/bin/bash
# Anonymous login by source IP (role ID alone).
execute_vault_command \
  vault write auth/approle/role/docker \
    role_id=docker token_bound_cidrs=172.16.238.0/24 token_ttl=15m token_max_ttl=1h token_policies=docker \
    bind_secret_id=false # want: VG-AUTH-003
