resource "vault_audit" "file" {
  type = "file"
  options = {
    file_path = "/var/log/vault/audit.log"
    log_raw   = "true" # want: VG-AUD-001
  }
}
