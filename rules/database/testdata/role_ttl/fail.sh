#!/bin/bash
vault secrets enable database
vault write database/roles/readonly db_name=app \
    creation_statements="CREATE ROLE \"{{name}}\" WITH LOGIN PASSWORD '{{password}}' VALID UNTIL '{{expiration}}'; GRANT SELECT ON ALL TABLES IN SCHEMA public TO \"{{name}}\";" \
    default_ttl=24h max_ttl=720h # want: VG-DB-001
vault write database/roles/report db_name=app creation_statements=@report.sql default_ttl=1h # want: VG-DB-001
