#!/bin/bash
vault login "$ROOT_TOKEN" # want: VG-CLI-004
vault login -method=userpass username=ops password="$OPS_PASSWORD" # want: VG-CLI-004
vault secrets enable database
vault write database/config/pg plugin_name=postgresql-database-plugin allowed_roles=app \
    connection_url="postgresql://{{username}}:{{password}}@db.internal:5432/postgres?sslmode=verify-full" \
    username=vault password="$PGPASSWORD" # want: VG-CLI-004
vault kv put secret/payments api_key=abc123 # want: VG-CLI-004
