#!/bin/bash
vault secrets enable -path=db -default-lease-ttl=1h -max-lease-ttl=24h database
