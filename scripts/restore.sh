#!/usr/bin/env bash
# Restores a backup made by helm/auction-platform/files/backup.sh into an EMPTY database, in one transaction:
# either everything is restored or nothing is (exit code non-zero, target left empty).
#
#   scripts/restore.sh FILE TARGET_URL
#
# Create the target first (createdb, or CREATE DATABASE in your managed PostgreSQL). Objects are
# restored owned by the connecting user (--no-owner) and without the source's grants (--no-acl).
# Refuses a target that already has tables or schemas of its own, so it never mixes data.
set -euo pipefail

die() { echo "restore: $1" >&2; exit "${2:-1}"; }

[[ $# -eq 2 ]] || die "usage: scripts/restore.sh FILE TARGET_URL" 64
file="$1"
target="$2"
[[ -f "$file" && -r "$file" ]] || die "cannot read backup file '$file'" 66
[[ "$target" =~ ^postgres(ql)?:// ]] || die "TARGET_URL must start with postgres:// or postgresql://" 64
for tool in pg_restore psql; do command -v "$tool" >/dev/null || die "$tool not found (apt-get install postgresql-client)" 69; done

pg_restore --list "$file" >/dev/null 2>&1 || die "'$file' is not a pg_dump custom-format archive" 65

# Anything user-made in the target (a schema other than public, or any relation) means not empty.
existing="$(psql "$target" --no-password -X -A -t -q -v ON_ERROR_STOP=1 -c "
  select (select count(*) from pg_namespace n
           where n.nspname not in ('public', 'information_schema') and n.nspname not like 'pg\_%')
       + (select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
           where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f'))")" \
  || die "cannot connect to the target database"
[[ "$existing" == "0" ]] || die "target database is not empty (found $existing schema(s) or relation(s)); restore only into a new, empty database" 2

pg_restore --no-owner --no-acl --exit-on-error --single-transaction --no-password \
  --dbname="$target" "$file" || die "pg_restore failed; nothing was restored (single transaction)"
psql "$target" --no-password -X -q -v ON_ERROR_STOP=1 -c 'analyze' >/dev/null || echo "restore: warning: analyze failed" >&2
echo "restore: restored $file into $(sed -E 's#(://[^:/@]+):[^@]*@#\1:***@#' <<<"$target")" >&2
