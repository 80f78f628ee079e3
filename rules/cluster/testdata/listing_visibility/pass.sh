#!/bin/bash
vault secrets enable -path=transit transit
vault auth tune -listing-visibility=hidden userpass/
