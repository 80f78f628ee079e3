#!/bin/bash
vault write auth/approle/role/docker bind_secret_id=true secret_id_num_uses=1 secret_id_ttl=5m token_ttl=15m token_max_ttl=1h token_policies=docker
