#!/bin/bash
vault secrets enable database
vault write database/roles/ro db_name=pg default_ttl=10m max_ttl=1h \
    creation_statements="CREATE ROLE \"{{name}}\" WITH LOGIN NOSUPERUSER PASSWORD '{{password}}' VALID UNTIL '{{expiration}}'; GRANT SELECT ON ALL TABLES IN SCHEMA public TO \"{{name}}\";"
