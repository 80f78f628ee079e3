#!/bin/bash
vault audit enable file file_path=/var/log/vault/audit.log log_raw=true # want: VG-AUD-001
