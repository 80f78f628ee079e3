# orders-worker: written in a hurry during an incident and never narrowed.
path "secret/*" {
  capabilities = ["create", "read", "update", "delete", "list"]
}

path "sys/policies/acl/orders-*" {
  capabilities = ["create", "update", "read"]
}
