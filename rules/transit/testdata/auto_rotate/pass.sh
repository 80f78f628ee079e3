#!/bin/bash
vault secrets enable -path=crypto transit
vault write -f crypto/keys/orders auto_rotate_period=720h
