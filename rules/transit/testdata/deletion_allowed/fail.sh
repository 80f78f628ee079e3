#!/bin/bash
vault secrets enable transit
vault write -f transit/keys/old auto_rotate_period=30d
vault write transit/keys/old/config deletion_allowed=true # want: VG-TRN-002
