#!/bin/bash
vault write auth/approle/role/ci token_policies=ci token_ttl=20m token_max_ttl=1h secret_id_num_uses=1 secret_id_ttl=10m
