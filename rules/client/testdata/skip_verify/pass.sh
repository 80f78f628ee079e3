#!/bin/bash
export VAULT_ADDR=https://vault.example.com:8200 VAULT_CACERT=/etc/ssl/vault-ca.pem
export VAULT_SKIP_VERIFY=false
