#!/bin/bash
# The seed post's audit device.
vault audit enable file file_path=/var/log/vault/audit.log
