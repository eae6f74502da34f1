#!/bin/bash
source "$(dirname "$0")/env.sh"
PID=$(cat "$RUN/kafka.pid"); kill "$PID"; for i in $(seq 1 60); do kill -0 "$PID" 2>/dev/null || exit 0; sleep 1; done
