#!/bin/bash
export VAULT_ADDR=https://vault.example.com:8200
export VAULT_SKIP_VERIFY=true # want: VG-CLI-001
vault status -tls-skip-verify # want: VG-CLI-001
