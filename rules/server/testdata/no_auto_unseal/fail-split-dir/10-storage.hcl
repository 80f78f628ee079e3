# want: VG-SRV-005
storage "raft" {
  path = "/opt/vault/data"
}

default_lease_ttl = "1h"
max_lease_ttl     = "24h"
