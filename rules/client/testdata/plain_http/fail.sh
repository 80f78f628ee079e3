#!/bin/bash
export VAULT_ADDR='http://10.0.0.5:8200' # want: VG-CLI-002
vault status -address=http://vault.internal:8200 # want: VG-CLI-002
