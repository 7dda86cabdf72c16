#!/usr/bin/env bash
# Backs up the database in DATABASE_URL with pg_dump's custom format (compressed, restorable
# table by table with pg_restore) into a timestamped file, checks the archive can be read, and
# keeps only the newest BACKUP_KEEP backups of that database.
#
#   DATABASE_URL=postgres://user:pass@host:5432/auction helm/auction-platform/files/backup.sh [BACKUP_DIR]
#
# The one copy: it lives in the chart because Helm reads files only from inside it (the backup
# CronJob's ConfigMap); run it from here outside Kubernetes too.
#
# Environment: DATABASE_URL (required), BACKUP_DIR (default ./backups, or the first argument),
# BACKUP_KEEP (default 14). Prints the path of the new backup as its last line.
# Restore with scripts/restore.sh FILE TARGET_URL (see docs/operations.md).
set -euo pipefail
umask 077

die() { echo "backup: $*" >&2; exit 1; }

url="${DATABASE_URL:-}"
[[ -n "$url" ]] || die "DATABASE_URL: required (postgres://user:password@host:port/database)"
[[ "$url" =~ ^postgres(ql)?:// ]] || die "DATABASE_URL: must start with postgres:// or postgresql://"
dir="${1:-${BACKUP_DIR:-./backups}}"
keep="${BACKUP_KEEP:-14}"
[[ "$keep" =~ ^[1-9][0-9]*$ ]] || die "BACKUP_KEEP: must be a whole number >= 1, got '$keep'"
command -v pg_dump >/dev/null || die "pg_dump not found (apt-get install postgresql-client)"

# The database name: the URL's path without query string, for the file name only.
db="${url%%\?*}"
db="${db##*/}"
[[ "$db" =~ ^[A-Za-z0-9_.-]+$ ]] || db="database"

mkdir -p "$dir"
stamp="$(date -u +%Y%m%dT%H%M%S%3NZ)"
[[ "$stamp" == *N* ]] && stamp="$(date -u +%Y%m%dT%H%M%SZ)"   # a date without %N
file="$dir/auction-$db-$stamp.dump"
partial="$dir/.auction-$db-$stamp.dump.partial"
trap 'rm -f "$partial"' EXIT

pg_dump --format=custom --compress=6 --no-password --dbname="$url" --file="$partial" \
  || die "pg_dump of $db failed; no backup written"
pg_restore --list "$partial" >/dev/null || die "the new archive of $db cannot be read; no backup written"
mv "$partial" "$file"
trap - EXIT

# Retention: names sort by time; drop all but the newest $keep of this database.
mapfile -t old < <(find "$dir" -maxdepth 1 -type f -name "auction-$db-*.dump" -printf '%f\n' | sort | head -n "-$keep")
for name in "${old[@]}"; do
  rm -f -- "$dir/$name"
  echo "backup: removed old backup $dir/$name" >&2
done

echo "backup: wrote $file ($(du -h "$file" | cut -f1))" >&2
echo "$file"
