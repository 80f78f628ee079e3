FROM alpine:3.19
ENV VAULT_ADDR=http://vault.example.com:8200 # want: VG-CLI-002
