#!/bin/bash
vault secrets enable -path=pg database
vault write pg/roles/app db_name=pg default_ttl=10m max_ttl=1h \
    creation_statements="CREATE ROLE \"{{name}}\" WITH LOGIN PASSWORD '{{password}}' VALID UNTIL '{{expiration}}';"
