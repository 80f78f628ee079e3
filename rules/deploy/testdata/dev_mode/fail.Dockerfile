FROM hashicorp/vault:1.17
COPY config.hcl /vault/config/
CMD vault server -dev # want: VG-DEP-001
