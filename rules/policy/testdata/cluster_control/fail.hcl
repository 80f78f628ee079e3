path "sys/storage/raft/snapshot" { # want: VG-POL-016
  capabilities = ["read"]
}

path "sys/generate-root/attempt" { # want: VG-POL-016 VG-POL-003
  capabilities = ["update", "sudo"]
}
