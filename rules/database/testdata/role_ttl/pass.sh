#!/bin/bash
# The seed post's database role.
vault secrets enable database
vault write database/roles/readonly \
    db_name=app \
    creation_statements=@readonly.sql \
    default_ttl="1h" \
    max_ttl="24h"
