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

test_written_seconds_get_their_reading if {
	objects.written({"value": 2764800, "seconds": 2764800}) == "2764800 (768h)"
	objects.written({"value": "86400", "seconds": 86400}) == "86400 (24h)"
	objects.written({"value": "768h", "seconds": 2764800}) == "768h"
	objects.written({"value": 30, "seconds": 30}) == 30
}
