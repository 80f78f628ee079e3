FROM hashicorp/vault:1.17
COPY config.hcl /vault/config/
CMD ["server", "-config=/vault/config"]
