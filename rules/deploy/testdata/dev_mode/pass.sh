#!/bin/bash
exec vault server -config=/etc/vault.d
