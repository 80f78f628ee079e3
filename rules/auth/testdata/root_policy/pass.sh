#!/bin/bash
vault write auth/approle/role/ops secret_id_num_uses=1 secret_id_ttl=10m token_ttl=1h token_max_ttl=4h token_policies="default,ops"
