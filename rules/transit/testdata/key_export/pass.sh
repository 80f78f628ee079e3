#!/bin/bash
# The seed post's transit key.
vault secrets enable transit
vault write -f transit/keys/payments auto_rotate_period=30d
