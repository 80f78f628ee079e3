#!/bin/bash
vault secrets enable transit
vault write -f transit/keys/orders # want: VG-TRN-003
vault write transit/keys/invoices auto_rotate_period=0 # want: VG-TRN-003
