#!/bin/bash
vault audit enable file file_path=/var/log/vault/audit.log hmac_accessor=false # want: VG-AUD-002
