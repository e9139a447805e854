# Sourced by .ci/run: a throw-away PostgreSQL server for the Probation.Standards.Data tests.
# start_postgres installs Debian's postgresql package when no server binaries are there (apt-get update first),
# creates a cluster in a temporary directory owned by the postgres user (the server refuses to run as root),
# starts it on a free localhost port, creates a database and exports PROBATION_STANDARDS_POSTGRES;
# stop_postgres stops it and removes the directory. Every line of their output goes to stderr, so the last
# line of .ci/run stays "N passed, M failed". If the server cannot be started, the variable stays unset and
# the PostgreSQL tests report themselves Ignored.

pg_bin=""
pg_dir=""

find_pg_bin() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/postgres" ]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# The server refuses to run as root: as root (CI), run it as the postgres user; otherwise as the user running this.
as_postgres() {
  if [ "$(id -u)" -ne 0 ]; then
    "$@"
  elif command -v runuser >/dev/null 2>&1; then
    runuser -u postgres -- "$@"
  else
    su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
  fi
}

start_postgres() {
  if ! pg_bin=$(find_pg_bin); then
    echo "no PostgreSQL server found: installing Debian's postgresql package for the database tests" >&2
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; } >&2 \
      || { echo "postgresql could not be installed: the PostgreSQL tests will be ignored" >&2; return 0; }
    pg_bin=$(find_pg_bin) || { echo "no initdb under /usr/lib/postgresql/*/bin: the PostgreSQL tests will be ignored" >&2; return 0; }
  fi
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    echo "no postgres user: the PostgreSQL tests will be ignored" >&2
    return 0
  fi

  pg_dir=$(mktemp -d /tmp/probation-standards-pg.XXXXXX)
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$pg_dir"
  fi
  chmod 700 "$pg_dir"
  local port
  port=$(free_port)
  if ! as_postgres "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >&2 \
    && ! as_postgres "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --locale=C >&2; then
    echo "initdb failed: the PostgreSQL tests will be ignored" >&2
    return 0
  fi
  # Listen on localhost only, with the socket in the cluster's own directory (not /var/run/postgresql).
  if ! as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
    -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$pg_dir -c fsync=off" start >&2; then
    cat "$pg_dir/server.log" >&2 || true
    echo "the PostgreSQL server did not start: the PostgreSQL tests will be ignored" >&2
    return 0
  fi
  if ! as_postgres "$pg_bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -q -c "CREATE DATABASE probation_standards_tests" >&2; then
    echo "could not create the test database: the PostgreSQL tests will be ignored" >&2
    return 0
  fi
  export PROBATION_STANDARDS_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=probation_standards_tests"
  export PROBATION_STANDARDS_PSQL="$pg_bin/psql"
  echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') started on 127.0.0.1:$port ($pg_dir)" >&2
}

stop_postgres() {
  if [ -n "$pg_dir" ] && [ -f "$pg_dir/data/postmaster.pid" ]; then
    as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >&2 || true
  fi
  if [ -n "$pg_dir" ]; then
    rm -rf "$pg_dir"
  fi
  pg_dir=""
}
