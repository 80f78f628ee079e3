#!/bin/bash
vault server -dev & # want: VG-DEP-001
