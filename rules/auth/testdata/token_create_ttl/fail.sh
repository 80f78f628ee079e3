#!/usr/bin/env bash
# Tokens handed to CI jobs.
vault token create -policy=deploy -ttl=768h -explicit-max-ttl=24h # want: VG-AUTH-007
vault token create -policy=backup # want: VG-AUTH-007
vault token create -policy=nomad -period=72h -orphan # want: VG-AUTH-007
vault token create -policy=ci -ttl=30m -explicit-max-ttl=720h # want: VG-AUTH-007
