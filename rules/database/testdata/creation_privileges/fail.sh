#!/bin/bash
vault secrets enable database
vault write database/roles/db-dba db_name=pg default_ttl=10m max_ttl=1h \
    creation_statements="CREATE ROLE \"{{name}}\" WITH SUPERUSER LOGIN PASSWORD '{{password}}' VALID UNTIL '{{expiration}}';" # want: VG-DB-002
