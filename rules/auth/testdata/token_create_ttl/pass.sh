#!/usr/bin/env bash
# Short-lived, bounded tokens; a role's own limits; a TTL from the caller.
vault token create -policy=deploy -ttl=30m -explicit-max-ttl=2h
vault token create -policy=nomad -period=1h -explicit-max-ttl=24h
vault token create -role=ci
vault token create -policy=deploy -ttl="$TTL"
