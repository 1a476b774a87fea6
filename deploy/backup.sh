#!/usr/bin/env bash
# Dumps Kaimen's PostgreSQL database into one file (pg_dump custom format: compressed, restorable table by table).
# Usage: deploy/backup.sh DATABASE FILE     (connection from the usual PGHOST, PGPORT, PGUSER, PGPASSWORD)
# The dump is consistent (one snapshot) while the application keeps running; it holds every comment, the event
# publication registry and the outbox, so nothing else needs backing up: the search index is rebuilt from it.
set -euo pipefail
db="${1:?database name}"
file="${2:?dump file}"
tmp="${file}.partial"
pg_dump --format=custom --no-owner --no-privileges --file="$tmp" "$db"
# Check the dump can be read back before it replaces the last good one.
pg_restore --list "$tmp" > /dev/null
mv "$tmp" "$file"
echo "backup of $db written to $file ($(du -h "$file" | cut -f1))"
