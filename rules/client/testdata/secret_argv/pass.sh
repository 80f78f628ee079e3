#!/bin/bash
vault login
vault login -method=userpass username=ops
printf '%s' "$ROOT_TOKEN" | vault login -
vault secrets enable database
vault write database/config/pg plugin_name=postgresql-database-plugin allowed_roles=app \
    connection_url="postgresql://{{username}}:{{password}}@db.internal:5432/postgres?sslmode=verify-full" \
    username=vault password=@/run/secrets/pg
vault kv put secret/payments api_key=@api_key.txt owner=payments
