# Common settings for the corpus scripts (sourced).
GEN_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN=${RUN:-/tmp/corpus-run}                       # scratch dir for servers' data and raw logs
OUT=${OUT:-$GEN_DIR/../../kb-core/src/test/resources/corpus}
PGBIN=/usr/lib/postgresql/15/bin
PGPORT=55432                                      # PostgreSQL (benign + error runs)
KAFKA_PORT=59092                                  # Kafka broker (KRaft, PLAINTEXT)
KAFKA_CTRL_PORT=59093
REDIS_PORT=56379                                  # Redis master (benign)
REDIS_REPLICA_PORT=56380                          # Redis replica (benign)
mkdir -p "$RUN" "$OUT/benign"
cp_main() { echo "$GEN_DIR/target/classes:$(cat "$GEN_DIR/target/classpath.txt")"; }
cp_broker() { cat "$GEN_DIR/broker/target/classpath.txt"; }
strip_ansi() { sed -e 's/\x1b\[[0-9;]*m//g'; }
