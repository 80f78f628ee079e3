#!/bin/sh
vault write auth/token/roles/nomad allowed_policies=nomad token_period=1h token_explicit_max_ttl=24h
