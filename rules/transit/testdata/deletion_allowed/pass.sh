#!/bin/bash
vault write transit/keys/old/config deletion_allowed=false auto_rotate_period=720h
