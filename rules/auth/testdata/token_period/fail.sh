#!/bin/sh
vault write auth/token/roles/nomad allowed_policies=nomad token_period=72h # want: VG-AUTH-005
