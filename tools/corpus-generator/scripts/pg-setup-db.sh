#!/bin/bash
# Creates role/database 'app' (password 'app') used by the apps.
source "$(dirname "$0")/env.sh"
PGPASSWORD=postgres psql -q -h 127.0.0.1 -p $PGPORT -U postgres -v ON_ERROR_STOP=1 <<SQL
DO \$\$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname='app') THEN CREATE ROLE app LOGIN PASSWORD 'app'; END IF; END \$\$;
SQL
PGPASSWORD=postgres psql -q -h 127.0.0.1 -p $PGPORT -U postgres -tc "SELECT 1 FROM pg_database WHERE datname='app'" | grep -q 1 || \
  PGPASSWORD=postgres psql -q -h 127.0.0.1 -p $PGPORT -U postgres -c "CREATE DATABASE app OWNER app"
PGPASSWORD=postgres psql -q -h 127.0.0.1 -p $PGPORT -U postgres -tc "SELECT 1 FROM pg_database WHERE datname='bench'" | grep -q 1 || \
  PGPASSWORD=postgres psql -q -h 127.0.0.1 -p $PGPORT -U postgres -c "CREATE DATABASE bench OWNER app"
