#!/bin/bash
vault secrets enable -path=transit -listing-visibility=unauth transit # want: VG-CLU-004
vault auth tune -listing-visibility=unauth userpass/ # want: VG-CLU-004
