#!/bin/bash
vault audit enable -path=new file file_path=/var/log/vault/new.log
vault audit disable file # want: VG-AUD-003
