#!/bin/bash
vault server -dev -dev-root-token-id=root & # want: VG-DEP-001 VG-DEP-002
