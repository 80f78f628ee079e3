#!/usr/bin/env bash
# gen-policies.sh DIR N: write N ACL policies of realistic shape into DIR:
# per-application policies with exact KV v2 paths, database creds and
# transit, and a minority of sloppy ones (mount globs, + segments, policy
# store writes, sudo), as found in real policy repositories.
set -euo pipefail
dir=$1 n=$2
mkdir -p "$dir"
awk -v n="$n" -v dir="$dir" 'BEGIN {
  srand(42)
  split("payments orders billing search identity ledger mail reports", teams, " ")
  for (i = 1; i <= n; i++) {
    team = teams[int(rand() * 8) + 1]
    app = sprintf("%s-svc-%04d", team, i)
    f = sprintf("%s/%s.hcl", dir, app)
    printf "# %s: owned by team %s\n", app, team > f
    k = int(rand() * 4) + 2
    for (j = 1; j <= k; j++) {
      printf "path \"secret/data/%s/%s/key-%d\" {\n  capabilities = [\"read\"]\n}\n\n", team, app, j > f
    }
    printf "path \"database/creds/%s-readonly\" {\n  capabilities = [\"read\"]\n}\n\n", app > f
    printf "path \"transit/encrypt/%s\" {\n  capabilities = [\"update\"]\n}\n\n", app > f
    r = rand()
    if (r < 0.10) printf "path \"secret/data/%s/*\" {\n  capabilities = [\"read\", \"list\"]\n}\n\n", team > f
    else if (r < 0.14) printf "path \"secret/*\" {\n  capabilities = [\"create\", \"read\", \"update\", \"delete\", \"list\"]\n}\n\n" > f
    else if (r < 0.17) printf "path \"secret/data/+/%s/*\" {\n  capabilities = [\"read\"]\n}\n\n", app > f
    else if (r < 0.19) printf "path \"sys/policies/acl/%s-*\" {\n  capabilities = [\"create\", \"update\"]\n}\n\n", team > f
    else if (r < 0.20) printf "path \"sys/*\" {\n  capabilities = [\"read\", \"sudo\"]\n}\n\n" > f
    close(f)
  }
}'
