#!/bin/bash
export VAULT_ADDR=https://vault.example.com:8200
export VAULT_TOKEN=hvs.CAESIAbcdefghijklmnopqrstuvwxyz0123456789 # want: VG-CLI-003
