#!/usr/bin/env bash
# HTTP load on WildFly 39 (standalone.xml), in one run, interleaved rounds:
#   none   hello.war without mp-otel
#   off    hello.war with mp-otel in WEB-INF/lib, telemetry off (the default: otel.sdk.disabled=true)
#   on     the same war, telemetry on: 100% sampling, traces, metrics and logs over OTLP to a real Collector
#   agent  hello.war without mp-otel, OpenTelemetry Java agent 2.33.1 (its defaults: traces, metrics, logs)
# For each run: WildFly start, deploy time (server.log WFLYSRV0027 -> WFLYSRV0010), a warm-up, a measured
# wrk run (throughput, p50, p99), server CPU per request, and the spans that reached the Collector.
#
# Usage: benchmarks/http-load/run.sh [rounds=3] [warmup_seconds=10] [measure_seconds=20] [connections=16]
# Needs: wrk (Debian: apt-get install wrk), a JDK, the Collector (same lookup as the tests).
# Output: benchmarks/http-load/target/run/results.tsv and a Markdown summary on stdout.
# CONFIGS="on off" runs only those; JFR=1 also records a JFR profile of each measured run.
set -euo pipefail

ROUNDS=${1:-3}
WARMUP=${2:-10}
MEASURE=${3:-20}
CONNECTIONS=${4:-16}
CONFIGS=${CONFIGS:-"none off on agent"}

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE=$ROOT/benchmarks/http-load
OUT=$HERE/target/run
WILDFLY_VERSION=39.0.1.Final
AGENT_VERSION=2.33.1
BASE_OPTS="-Xms64m -Xmx512m -Djava.net.preferIPv4Stack=true -Djboss.modules.system.pkgs=org.jboss.byteman -Djava.awt.headless=true"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

collector_binary() {
  if [[ -n "${OTELCOL_BIN:-}" ]]; then echo "$OTELCOL_BIN"; return; fi
  local dir=$ROOT
  while [[ "$dir" != "/" ]]; do
    if [[ -x "$dir/shared/bin/otelcol" ]]; then echo "$dir/shared/bin/otelcol"; return; fi
    dir=$(dirname "$dir")
  done
  if [[ -x "$HOME/.cache/mp-otel/otelcol" ]]; then echo "$HOME/.cache/mp-otel/otelcol"; return; fi
  "$ROOT/tools/build-otelcol.sh" >&2
  echo "$HOME/.cache/mp-otel/otelcol"
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# A port offset for WildFly whose HTTP (8080) and management (9990) ports are both free.
free_offset() {
  python3 - <<'PY'
import random, socket
def free(port):
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", port)); return True
    except OSError:
        return False
    finally:
        s.close()
for _ in range(200):
    off = random.randint(100, 5000)
    if all(free(p + off) for p in (8080, 8443, 9990, 9993)):
        print(off); break
PY
}

# wrk latency such as 812.00us, 3.50ms or 1.02s, in milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.3f", n }'
}

log_ms() { # HH:MM:SS,mmm -> ms of the day
  awk -F'[:,]' '{ printf "%d", (($1 * 60 + $2) * 60 + $3) * 1000 + $4 }' <<<"$1"
}

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

mkdir -p "$OUT/dl"
echo "Building the war and fetching WildFly $WILDFLY_VERSION and the agent $AGENT_VERSION ..." >&2
(cd "$ROOT" && ./mvnw -B -q -pl benchmarks/http-load -am package -DskipTests)
(cd "$ROOT" && ./mvnw -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
  -Dartifact=org.wildfly:wildfly-dist:$WILDFLY_VERSION:zip -DoutputDirectory="$OUT/dl" \
  && ./mvnw -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
  -Dartifact=io.opentelemetry.javaagent:opentelemetry-javaagent:$AGENT_VERSION:jar -DoutputDirectory="$OUT/dl")
AGENT_JAR=$OUT/dl/opentelemetry-javaagent-$AGENT_VERSION.jar
OTELCOL=$(collector_binary)

# The two wars: with mp-otel (as built) and without (the same war, WEB-INF/lib removed).
cp "$HERE/target/hello.war" "$OUT/hello-mpotel.war"
rm -rf "$OUT/plain" && mkdir -p "$OUT/plain" && (cd "$OUT/plain" && jar xf "$OUT/hello-mpotel.war" && rm -rf WEB-INF/lib && jar cf "$OUT/hello-plain.war" .)
CLK_TCK=$(getconf CLK_TCK)

echo -e "config\tround\tstart_ms\tdeploy_ms\trps\tp50_ms\tp99_ms\tcpu_us_per_req\trequests\tspans\trss_mib" > "$OUT/results.tsv"

run_one() {
  local config=$1 round=$2
  local wf=$OUT/wildfly-$config
  rm -rf "$wf" && mkdir -p "$wf"
  unzip -q "$OUT/dl/wildfly-dist-$WILDFLY_VERSION.zip" -d "$wf"
  local home=$wf/wildfly-$WILDFLY_VERSION
  local offset; offset=$(free_offset)
  local http_port=$((8080 + offset))
  local otlp_http; otlp_http=$(free_port)
  local otlp_grpc; otlp_grpc=$(free_port)
  local war=hello-plain.war
  local opts="$BASE_OPTS -Djboss.socket.binding.port-offset=$offset"
  local -a env_vars=()

  # A Collector per run: its log holds only this run's spans.
  local col=$OUT/collector-$config-$round
  mkdir -p "$col"
  cat > "$col/otelcol.yaml" <<YAML
receivers:
  otlp:
    protocols:
      grpc: { endpoint: 127.0.0.1:$otlp_grpc }
      http: { endpoint: 127.0.0.1:$otlp_http }
exporters:
  debug: { verbosity: basic }
service:
  telemetry:
    logs: { output_paths: [$col/received.log], sampling: { enabled: false } }
    metrics: { level: none }
  pipelines:
    traces: { receivers: [otlp], exporters: [debug] }
    metrics: { receivers: [otlp], exporters: [debug] }
    logs: { receivers: [otlp], exporters: [debug] }
YAML
  "$OTELCOL" --config="file:$col/otelcol.yaml" > "$col/otelcol.out" 2>&1 &
  local col_pid=$!

  case $config in
    none) ;;
    off) war=hello-mpotel.war ;;
    on)
      war=hello-mpotel.war
      opts="$opts -Dotel.sdk.disabled=false -Dotel.service.name=hello -Dotel.exporter.otlp.endpoint=http://127.0.0.1:$otlp_http -Dotel.traces.sampler=always_on"
      ;;
    agent)
      opts="$opts -javaagent:$AGENT_JAR"
      env_vars=(OTEL_SERVICE_NAME=hello "OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:$otlp_http")
      ;;
  esac

  local t0; t0=$(date +%s%3N)
  env ${env_vars[@]+"${env_vars[@]}"} JAVA_OPTS="$opts" "$home/bin/standalone.sh" -b 127.0.0.1 -bmanagement 127.0.0.1 \
    > "$wf/console.log" 2>&1 &
  local launcher=$!
  until grep -q WFLYSRV0025 "$wf/console.log" 2>/dev/null; do
    if ! kill -0 $launcher 2>/dev/null; then echo "WildFly ($config) did not start, see $wf/console.log" >&2; exit 1; fi
    sleep 0.05
  done
  local start_ms=$(( $(date +%s%3N) - t0 ))
  local pid; pid=$(pgrep -P $launcher java)

  cp "$OUT/$war" "$wf/hello.war.tmp" && mv "$wf/hello.war.tmp" "$home/standalone/deployments/hello.war"
  until [[ -e "$home/standalone/deployments/hello.war.deployed" ]]; do
    if [[ -e "$home/standalone/deployments/hello.war.failed" ]]; then echo "Deployment failed ($config)" >&2; exit 1; fi
    sleep 0.05
  done
  local log=$home/standalone/log/server.log
  local begin end
  begin=$(grep 'WFLYSRV0027' "$log" | grep 'hello.war' | head -1 | awk '{print $2}')
  end=$(grep 'WFLYSRV0010' "$log" | grep 'hello.war' | head -1 | awk '{print $2}')
  local deploy_ms=$(( $(log_ms "$end") - $(log_ms "$begin") ))

  local url=http://127.0.0.1:$http_port/hello/api/hello
  [[ "$(curl -s "$url")" == "hello" ]] || { echo "GET $url did not answer hello ($config)" >&2; exit 1; }
  wrk -t1 -c"$CONNECTIONS" -d"${WARMUP}s" --latency "$url" > "$wf/wrk-warmup.txt"
  if [[ -n "${JFR:-}" ]]; then # JFR=1: record the measured run (a profile, not for the figures)
    jcmd "$pid" JFR.start name=load settings=profile duration="${MEASURE}s" filename="$OUT/$config-$round.jfr" > /dev/null
  fi
  local cpu0; cpu0=$(cpu_ticks "$pid")
  wrk -t1 -c"$CONNECTIONS" -d"${MEASURE}s" --latency "$url" > "$wf/wrk.txt"
  local cpu1; cpu1=$(cpu_ticks "$pid")
  local rss; rss=$(( $(ps -o rss= -p "$pid") / 1024 ))

  local rps p50 p99 requests warm_requests
  rps=$(awk '/Requests\/sec/ {print $2}' "$wf/wrk.txt")
  p50=$(to_ms "$(awk '$1 == "50%" {print $2}' "$wf/wrk.txt")")
  p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$wf/wrk.txt")")
  requests=$(awk '/requests in/ {print $1}' "$wf/wrk.txt")
  warm_requests=$(awk '/requests in/ {print $1}' "$wf/wrk-warmup.txt")
  local cpu_us
  cpu_us=$(awk -v t=$((cpu1 - cpu0)) -v hz="$CLK_TCK" -v n="$requests" 'BEGIN { printf "%.0f", t / hz * 1e6 / n }')

  # Graceful stop: mp-otel and the agent flush what they hold. Then count what arrived.
  sleep 2
  kill "$pid"
  wait $launcher 2>/dev/null || true
  sleep 1
  kill $col_pid && wait $col_pid 2>/dev/null || true
  local spans
  spans=$({ grep -o '"spans": [0-9]*' "$col/received.log" 2>/dev/null || true; } | awk '{s += $2} END {print s + 0}')
  local all_requests=$((requests + warm_requests + 1))

  echo -e "$config\t$round\t$start_ms\t$deploy_ms\t$rps\t$p50\t$p99\t$cpu_us\t$all_requests\t$spans\t$rss" >> "$OUT/results.tsv"
  echo "$config round $round: start ${start_ms} ms, deploy ${deploy_ms} ms, ${rps} req/s, p99 ${p99} ms, spans ${spans}/${all_requests}" >&2
  rm -rf "$wf"
}

for round in $(seq 1 "$ROUNDS"); do
  for config in $CONFIGS; do
    run_one "$config" "$round"
  done
done

python3 - "$OUT/results.tsv" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
configs = []
for r in rows:
    if r["config"] not in configs:
        configs.append(r["config"])
cols = [("start_ms", "start (ms)"), ("deploy_ms", "deploy (ms)"), ("rps", "throughput (req/s)"), ("p50_ms", "p50 (ms)"),
        ("p99_ms", "p99 (ms)"), ("cpu_us_per_req", "server CPU per request (us)"), ("rss_mib", "RSS after load (MiB)")]
med = {c: {k: statistics.median(float(r[k]) for r in rows if r["config"] == c) for k, _ in cols} for c in configs}
print("| metric | " + " | ".join(configs) + " |")
print("|---|" + "---|" * len(configs))
for k, label in cols:
    print(f"| {label} | " + " | ".join(f"{med[c][k]:.4g} ({', '.join(f'{float(r[k]):.4g}' for r in rows if r['config'] == c)})" for c in configs) + " |")
print("| spans at the Collector / requests | " + " | ".join(
    ", ".join(f"{r['spans']}/{r['requests']}" for r in rows if r["config"] == c) for c in configs) + " |")
print()
def ratio(a, b, k):
    return med[a][k] / med[b][k] if a in med and b in med and med[b][k] else float("nan")
for a, b in [("on", "off"), ("on", "none"), ("off", "none"), ("agent", "none"), ("on", "agent")]:
    if a in med and b in med:
        print(f"- {a}/{b}: throughput {ratio(a, b, 'rps'):.3f}, p99 {ratio(a, b, 'p99_ms'):.3f}, "
              f"CPU per request {ratio(a, b, 'cpu_us_per_req'):.3f}, deploy {ratio(a, b, 'deploy_ms'):.3f}, start {ratio(a, b, 'start_ms'):.3f}")
PY
