#!/bin/bash
vault secrets enable database
vault write database/config/my-postgresql plugin_name=postgresql-database-plugin allowed_roles=app username=vault password=- \
    connection_url="postgresql://{{username}}:{{password}}@10.42.74.200:5432/postgres?sslmode=disable" # want: VG-DB-004
