FROM alpine:3.19
ENV VAULT_ADDR=https://vault.example.com:8200 VAULT_TOKEN=root # want: VG-CLI-003
CMD ["/app/run"]
