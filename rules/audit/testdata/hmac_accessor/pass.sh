#!/bin/bash
vault audit enable -path=file2 file file_path=/var/log/vault/audit2.log hmac_accessor=true
