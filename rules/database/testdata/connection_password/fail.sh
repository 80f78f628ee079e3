#!/bin/bash
vault secrets enable database
vault write database/config/legacy plugin_name=mysql-database-plugin allowed_roles=app \
    connection_url="vault:hunter2@tcp(db.internal:3306)/" # want: VG-DB-005
vault write database/config/pg plugin_name=postgresql-database-plugin allowed_roles=app \
    connection_url="postgresql://vault:hunter2@db.internal:5432/postgres?sslmode=verify-full" # want: VG-DB-005
