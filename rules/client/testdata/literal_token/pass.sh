#!/bin/bash
export VAULT_ADDR=https://vault.example.com:8200
VAULT_TOKEN=$(vault login -method=approle -token-only role_id="$ROLE_ID" secret_id=-)
export VAULT_TOKEN
