#!/bin/bash
source "$(dirname "$0")/env.sh"
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$RUN/pgdata" -m fast -w stop >/dev/null
