#!/bin/bash
vault secrets enable database
vault write database/config/pg plugin_name=postgresql-database-plugin allowed_roles=app username=vault password=- \
    connection_url="postgresql://{{username}}:{{password}}@db.internal:5432/postgres?sslmode=verify-full" < /run/secrets/pg
