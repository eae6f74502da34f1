#!/bin/bash
# Starts a Redis master ($REDIS_PORT, RDB snapshots every 5s if 1 change) and an AOF replica ($REDIS_REPLICA_PORT), loglevel verbose.
set -e; source "$(dirname "$0")/env.sh"
mkdir -p "$RUN/redis-m" "$RUN/redis-r"
redis-server --port $REDIS_PORT --bind 127.0.0.1 --dir "$RUN/redis-m" --logfile "$RUN/redis-master.log" --loglevel verbose \
  --save "5 1" --daemonize yes --pidfile "$RUN/redis-m.pid"
sleep 1
redis-server --port $REDIS_REPLICA_PORT --bind 127.0.0.1 --dir "$RUN/redis-r" --logfile "$RUN/redis-replica.log" --loglevel verbose \
  --replicaof 127.0.0.1 $REDIS_PORT --appendonly yes --daemonize yes --pidfile "$RUN/redis-r.pid"
sleep 2
