#!/bin/bash
vault audit list -detailed
vault audit enable -path=new file file_path=/var/log/vault/new.log
