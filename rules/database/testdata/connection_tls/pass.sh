#!/bin/bash
vault secrets enable database
vault write database/config/my-postgresql plugin_name=postgresql-database-plugin allowed_roles=app username=vault password=@/run/secrets/pg \
    connection_url="postgresql://{{username}}:{{password}}@db.internal:5432/postgres?sslmode=verify-full"
