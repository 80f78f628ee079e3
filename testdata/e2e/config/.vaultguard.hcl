fail_on = "high"
exclude = ["vendor/**"]

thresholds {
  max_lease_ttl = "72h"
}

rule "VG-POL-001" {
  severity = "medium"
}

category "ignore" {
  enabled = false
}
