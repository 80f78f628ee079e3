# METADATA
# title: Mount listed to unauthenticated users
# description: |
#   listing_visibility = "unauth" puts the mount in the list that the UI's
#   login page and sys/internal/ui/mounts show to anyone, without a token:
#   it tells an attacker which auth methods and secrets engines exist and
#   where. It is meant for auth methods people log in with through the UI;
#   on a secrets engine it only discloses.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/api-docs/system/mounts#listing_visibility
# custom:
#   id: VG-CLU-004
#   severity: low
#   kinds: [mount]
#   remediation: Tune the mount with listing_visibility=hidden (the default) unless people choose it on the UI's login page.
package vaultguard.rules.cluster.listing_visibility

import data.vaultguard.lib.objects

deny contains {"msg": msg, "_loc": a._loc} if {
	some m in input.mount
	a := m.listing_visibility
	a.known
	lower(a.value) == "unauth"
	msg := sprintf("%s mount %q: listing_visibility = %q shows it to anyone without a token", [object.get(m, "_class", ""), mount_name(m), a.value])
}

mount_name(m) := m.path.value if m.path.known
else := objects.name(m)
