package acl

import "strings"

// kvAPI are the first segments after a KV v2 mount that already name an
// API endpoint.
var kvAPI = []string{"data", "metadata", "delete", "undelete", "destroy", "subkeys", "config"}

// KVv2Path maps a logical secret path on a KV version 2 mount to the API
// path a policy must match for the operation: secret/payments/stripe is
// read at secret/data/payments/stripe and listed at
// secret/metadata/payments/stripe. Paths outside the mount, or already
// naming an endpoint, are returned unchanged.
func KVv2Path(mount, path, op string) string {
	mount = strings.Trim(mount, "/") + "/"
	path = strings.TrimPrefix(path, "/")
	rest, ok := strings.CutPrefix(path, mount)
	if !ok {
		return path
	}
	first, _, _ := strings.Cut(rest, "/")
	for _, a := range kvAPI {
		if first == a {
			return path
		}
	}
	if op == "list" {
		return mount + "metadata/" + rest
	}
	// read, create, update, patch and delete (a soft delete of the latest
	// version) all go to data/.
	return mount + "data/" + rest
}
