#!/bin/bash
vault secrets enable transit
vault write transit/keys/payments type=aes256-gcm96 auto_rotate_period=30d exportable=true # want: VG-TRN-001
vault write transit/keys/payments/config allow_plaintext_backup=true # want: VG-TRN-001
