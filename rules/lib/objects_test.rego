package vaultguard.lib.objects_test

import data.vaultguard.lib.objects

test_set_duration if {
	objects.set({"known": true, "value": "1h", "seconds": 3600})
	not objects.set({"known": true, "value": "0", "seconds": 0})
}

test_set_plain_string if {
	objects.set({"known": true, "value": "ci"})
	not objects.set({"known": true, "value": ""})
}

test_set_unknown if {
	objects.set({"known": false, "value": null, "text": "$TTL"})
}
