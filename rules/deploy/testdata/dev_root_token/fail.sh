#!/bin/bash
vault server -dev -dev-root-token-id="$TOKEN" & # want: VG-DEP-001 VG-DEP-002
