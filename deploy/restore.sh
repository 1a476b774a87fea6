#!/usr/bin/env bash
# Restores a dump written by deploy/backup.sh into a NEW, empty database (it refuses an existing one), then the
# application is pointed at it and the search index rebuilt: java -jar kaimen.jar --kaimen.index.rebuild-and-exit=true
# Usage: deploy/restore.sh FILE DATABASE    (connection from the usual PGHOST, PGPORT, PGUSER, PGPASSWORD)
set -euo pipefail
file="${1:?dump file}"
db="${2:?new database name}"
createdb --encoding=UTF8 --template=template0 "$db"
pg_restore --no-owner --no-privileges --exit-on-error --single-transaction --dbname="$db" "$file"
echo "restored $file into $db"
