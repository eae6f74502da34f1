#!/bin/bash
# Usage: pg-start.sh <logfile> [extra postgres -c options...]
# Creates (once) a PostgreSQL 15 cluster in $RUN/pgdata owned by 'postgres' and starts it on 127.0.0.1:$PGPORT.
set -e; source "$(dirname "$0")/env.sh"
LOG=$1; shift
chown postgres "$RUN"
if [ ! -d "$RUN/pgdata" ]; then
  echo postgres > "$RUN/pgpw"; chown postgres "$RUN/pgpw"
  runuser -u postgres -- "$PGBIN/initdb" -D "$RUN/pgdata" -U postgres --auth-local=trust --auth-host=scram-sha-256 --pwfile="$RUN/pgpw" >/dev/null
  cat >> "$RUN/pgdata/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PGPORT
unix_socket_directories = '$RUN'
log_line_prefix = '%m [%p] %q%u@%d '
log_connections = on
log_disconnections = on
log_checkpoints = on
checkpoint_timeout = 30s
log_autovacuum_min_duration = 0
autovacuum_naptime = 10s
log_statement = 'ddl'
log_lock_waits = on
CONF
fi
touch "$LOG"; chown postgres "$LOG"
OPTS=""; for o in "$@"; do OPTS="$OPTS -c $o"; done
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$RUN/pgdata" -l "$LOG" -o "$OPTS" -w start >/dev/null
