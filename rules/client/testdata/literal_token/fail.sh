#!/bin/bash
export VAULT_ADDR=https://vault.example.com:8200
export VAULT_TOKEN=hvs.CAESIAbcdefghijklmnopqrstuvwxyz0123456789 # want: VG-CLI-003
curl -s -H "X-Vault-Token: hvs.CAESIAbcdefghijklmnopqrstuvwxyz0123456789" https://vault.example.com:8200/v1/sys/mounts # want: VG-CLI-003 VG-CLI-004
