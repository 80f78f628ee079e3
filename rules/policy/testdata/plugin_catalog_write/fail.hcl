path "sys/plugins/catalog/secret/my-plugin" { # want: VG-POL-015 VG-POL-003
  capabilities = ["create", "update", "sudo"]
}
