module github.com/vaultguard/vaultguard/tools/vault

go 1.26

require github.com/hashicorp/vault v1.21.0

// Vault's own go.mod carries these replaces; replace directives do not apply
// to dependents, so a module that builds Vault must repeat them.
replace (
	github.com/99designs/keyring => github.com/Jeffail/keyring v1.2.3
	github.com/ma314smith/signedxml v1.1.1 => github.com/moov-io/signedxml v1.1.1
)
