resource "vault_audit" "socket" {
  type = "socket"
  path = "app_socket"
  options = {
    address     = "127.0.0.1:8000"
    socket_type = "tcp"
  }
}
