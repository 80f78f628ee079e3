#!/bin/bash
vault secrets enable -path=db -default-lease-ttl=1h -max-lease-ttl=720h database # want: VG-MNT-001
vault auth tune -default-lease-ttl=12h userpass/ # want: VG-MNT-001
