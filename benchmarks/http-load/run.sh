#!/usr/bin/env bash
# HTTP load on WildFly 39 (standalone.xml), in one run, interleaved rounds:
#   none   hello.war without mp-otel
#   off    hello.war with mp-otel in WEB-INF/lib, telemetry off (the default: otel.sdk.disabled=true)
#   on     the same war, telemetry on: 100% sampling, traces, metrics and logs over OTLP to a real Collector
#   agent  hello.war without mp-otel, OpenTelemetry Java agent 2.33.1 (its defaults: traces, metrics, logs)
# Also, not run by default:
#   agent-nodrop  as agent, with a span queue of 65536 (OTEL_BSP_MAX_QUEUE_SIZE) instead of its default 2048, which
#                 it overflows at saturation here and then drops spans: the agent asked to deliver what `on` delivers
# Decomposition of `on` (not run by default; name them in CONFIGS):
#   on-traces     as on, but only traces exported (otel.metrics.exporter=none, otel.logs.exporter=none)
#   on-unsampled  as on, but sampler always_off: no span recorded or exported; metrics and logs as on
#   on-noexport   as on, but every exporter none: with SDK 1.68 spans are then no-ops and the meter provider
#                 has no reader, so what is left is mp-otel's filters and the Instrumenter around them
#   on-excluded   as on-noexport, but no request instrumented (mpotel.http.exclude=/*): the SDK and mp-otel on,
#                 their JVM metrics and java.util.logging bridge installed, and nothing done per request
#   on-minimal    a floor, not a way to trace: as on, but mp-otel's server spans and metrics are excluded
#                 (mpotel.http.exclude=/*) and the war's MinimalSpanFilter makes one bare server span per request
#                 (no attribute, no propagation, no metric) with the same SDK, exporter and Collector
# For each run: WildFly start, deploy time (server.log WFLYSRV0027 -> WFLYSRV0010), a warm-up, a measured
# wrk run (throughput, p50, p99), server CPU per request, and the spans that reached the Collector.
# The CPUs the server runs on (SERVER_CPUS, else all) are read from /proc/stat over the measured run: the share of
# their time that was idle, spent in interrupts (the loopback network's softirqs among them, charged to no process),
# or stolen by the hypervisor. At saturation a pinned server should leave its CPU barely idle; a round where it did
# not got less of its core than the others.
# Server CPU per request is also split by WildFly thread (request workers, Undertow I/O, GC, JIT, the SDK's
# export threads, the rest), with the young GCs in the measured run and the Collector's CPU per request.
#
# Usage: benchmarks/http-load/run.sh [rounds=3] [warmup_seconds=10] [measure_seconds=20] [connections=16]
# Needs: wrk (Debian: apt-get install wrk), a JDK, the Collector (same lookup as the tests).
# Output: benchmarks/http-load/target/run/results.tsv and a Markdown summary on stdout.
# CONFIGS="on off" runs only those; JFR=1 also records a JFR profile of each measured run (JFR_SETTINGS=file.jfc
# instead of the JDK's "profile" settings, for example with a shorter sampling period).
# BEFORE_WAR=path/to/hello.war (a war built from another commit) adds configurations named like the others with
# "-before" appended (for example on-before), which deploy that war instead: before and after a change, in one run.
# SERVER_CPUS=1 LOAD_CPUS=0 pins WildFly to CPU 1 and wrk and the Collector to CPU 0 (taskset): the server then has
# a core of its own, so that its throughput reflects its own CPU per request, not how the load generator, the
# Collector and the server share the cores.
# WARMUP_ALL_CPUS=1 (with SERVER_CPUS): the warm-up runs with the server allowed on every CPU, then the server is
# pinned again and warmed up for SETTLE more seconds (default 10) before the measured run. Pinned to one core from the
# start, the JIT's compiler threads share that core with the busy request threads: two minutes later the server may
# still run much of its hot code unoptimised, and which configuration's JIT happens to be further along then decides
# the comparison (docs/performance.md, "Steady state"). The "JIT compiler threads" row shows how much compiling is left.
# THINK_MS=n paces the measured run below saturation: each connection waits n ms after every response before it
# sends its next request (wrk's delay()), so the offered load is at most connections / (n ms + latency). The warm-up
# stays unpaced (the JIT finishes the same way as without it); the settle run is paced too, so that the code the
# paced load reaches is compiled before the measured run. For latency and CPU at a load a
# server actually runs at, not only at saturation (docs/performance.md, "Below saturation").
# HEAP="-Xms512m -Xmx512m" replaces WildFly's heap options (default "-Xms64m -Xmx512m", a heap that grows as needed)
# for every configuration, for example to compare them with the same heap.
set -euo pipefail

ROUNDS=${1:-3}
WARMUP=${2:-10}
MEASURE=${3:-20}
CONNECTIONS=${4:-16}
CONFIGS=${CONFIGS:-"none off on agent"}
if [[ -n "${THINK_MS:-}" && ! "$THINK_MS" =~ ^[1-9][0-9]*$ ]]; then
  echo "THINK_MS must be a whole number of milliseconds, not '$THINK_MS'" >&2; exit 1
fi

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE=$ROOT/benchmarks/http-load
OUT=$HERE/target/run
WILDFLY_VERSION=39.0.1.Final
AGENT_VERSION=2.33.1
BASE_OPTS="${HEAP:--Xms64m -Xmx512m} -Djava.net.preferIPv4Stack=true -Djboss.modules.system.pkgs=org.jboss.byteman -Djava.awt.headless=true"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
SERVER_PIN=()
LOAD_PIN=()
if [[ -n "${SERVER_CPUS:-}" ]]; then
  [[ -n "${LOAD_CPUS:-}" ]] || { echo "SERVER_CPUS needs LOAD_CPUS" >&2; exit 1; }
  SERVER_PIN=(taskset -c "$SERVER_CPUS")
  LOAD_PIN=(taskset -c "$LOAD_CPUS")
fi

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
minor_faults() { awk '{ print $10 }' "/proc/$1/stat"; }

# Idle, interrupt (irq + softirq) and steal ticks, then all ticks, summed over the server's CPUs (/proc/stat).
SERVER_CPU_LIST=$(python3 -c '
import sys
spec = sys.argv[1]
if not spec:
    print(" ".join(f"cpu{i}" for i in range(int(sys.argv[2])))); sys.exit()
cpus = []
for part in spec.split(","):
    a, _, b = part.partition("-")
    cpus += range(int(a), int(b or a) + 1)
print(" ".join(f"cpu{i}" for i in cpus))' "${SERVER_CPUS:-}" "$(nproc)")
server_cpu_ticks() {
  awk -v cpus=" $SERVER_CPU_LIST " 'index(cpus, " " $1 " ") {
      idle += $5 + $6; irq += $7 + $8; steal += $9; for (i = 2; i <= 9; i++) all += $i }
    END { print idle, irq, steal, all }' /proc/stat
}

# Per-thread figures of a process (tab-separated): tid, user ticks, system ticks, voluntary and involuntary context
# switches, nanoseconds spent runnable but waiting for a CPU (schedstat; 0 where the kernel does not keep it), name.
thread_ticks() {
  python3 - "$1" <<'PY'
import os, sys
pid = sys.argv[1]
for tid in os.listdir(f"/proc/{pid}/task"):
    try:
        stat = open(f"/proc/{pid}/task/{tid}/stat").read()
        status = dict(l.split(":\t", 1) for l in open(f"/proc/{pid}/task/{tid}/status").read().splitlines() if ":\t" in l)
        try:
            wait_ns = int(open(f"/proc/{pid}/task/{tid}/schedstat").read().split()[1])
        except (OSError, IndexError, ValueError):
            wait_ns = 0
    except OSError:
        continue
    name = stat[stat.index("(") + 1:stat.rindex(")")]
    fields = stat[stat.rindex(")") + 2:].split()
    vcs = int(status.get("voluntary_ctxt_switches", "0"))
    ics = int(status.get("nonvoluntary_ctxt_switches", "0"))
    print(f"{tid}\t{int(fields[11])}\t{int(fields[12])}\t{vcs}\t{ics}\t{wait_ns}\t{name}")
PY
}

# The ticks between two thread_ticks snapshots, by kind of thread, in microseconds per request:
# workers io gc jit export other, then the system (kernel) part of all threads, then for the request threads the
# voluntary and involuntary context switches per 100 requests and the time spent waiting for a CPU in microseconds
# per request (tab-separated); the per-thread detail (ticks, user ticks, system ticks, voluntary and involuntary
# context switches, milliseconds runnable but waiting for a CPU, kind, name) goes to $4.
thread_split() {
  python3 - "$1" "$2" "$3" "$CLK_TCK" "$4" <<'PY'
import sys
before_file, after_file, requests, hz, detail = sys.argv[1:6]
def load(f):
    rows = (l.rstrip("\n").split("\t") for l in open(f) if l.strip())
    return {r[0]: (int(r[1]), int(r[2]), int(r[3]), int(r[4]), int(r[5]), r[6]) for r in rows}
before, after = load(before_file), load(after_file)
def kind(name):
    if name.startswith("default task"): return "workers"
    if name.startswith("default I/O"): return "io"
    if name.startswith(("GC Thread", "G1 ")): return "gc"
    if name.startswith(("C1 Compiler", "C2 Compiler")): return "jit"
    if name.startswith(("BatchSpanProces", "PeriodicMetricR", "BatchLogRecordP", "HttpClient-", "jdkhttp-", "OkHttp")): return "export"
    return "other"
kinds = ["workers", "io", "gc", "jit", "export", "other"]
ticks = {k: 0 for k in kinds}
system = 0
per_name = {}
switches = [0, 0, 0]  # request threads: voluntary, involuntary, ns waiting for a CPU
for tid, (u1, s1, v1, c1, w1, name) in after.items():
    u0, s0, v0, c0, w0, _ = before.get(tid, (0, 0, 0, 0, 0, name))
    ticks[kind(name)] += u1 - u0 + s1 - s0
    system += s1 - s0
    if kind(name) == "workers":
        switches[0] += v1 - v0
        switches[1] += c1 - c0
        switches[2] += w1 - w0
    u, s, v, c, w = per_name.get(name, (0, 0, 0, 0, 0))
    per_name[name] = (u + u1 - u0, s + s1 - s0, v + v1 - v0, c + c1 - c0, w + w1 - w0)
with open(detail, "w") as out:
    for name, (u, s, v, c, w) in sorted(per_name.items(), key=lambda e: -(e[1][0] + e[1][1])):
        if u + s:
            out.write(f"{u + s}\t{u}\t{s}\t{v}\t{c}\t{w / 1e6:.0f}\t{kind(name)}\t{name}\n")
n = int(requests)
print("\t".join([f"{t / int(hz) * 1e6 / n:.0f}" for t in [ticks[k] for k in kinds] + [system]]
                + [f"{switches[0] * 100 / n:.1f}", f"{switches[1] * 100 / n:.1f}", f"{switches[2] / 1e3 / n:.0f}"]))
PY
}

# Column $2 of jstat -gc for process $1 (YGC: young collections; GCT: seconds of all GC pauses).
gc_stat() { jstat -gc "$1" | awk -v col="$2" 'NR == 2 { for (i = 1; i <= NF; i++) if (h[i] == col) print $i } NR == 1 { for (i = 1; i <= NF; i++) h[i] = $i }'; }
young_gcs() { gc_stat "$1" YGC; }

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
if [[ -n "${BEFORE_WAR:-}" ]]; then cp "$BEFORE_WAR" "$OUT/hello-before.war"; fi
rm -rf "$OUT/plain" && mkdir -p "$OUT/plain" && (cd "$OUT/plain" && jar xf "$OUT/hello-mpotel.war" && rm -rf WEB-INF/lib && jar cf "$OUT/hello-plain.war" .)
CLK_TCK=$(getconf CLK_TCK)
# wrk prints p50 to p99; this adds the tail of the measured run's latency: "tail <percentile|max> <microseconds>".
cat > "$OUT/tail.lua" <<'LUA'
done = function(summary, latency, requests)
  for _, p in ipairs({ 90, 99, 99.9, 99.99 }) do
    io.write(string.format("tail %g %d\n", p, latency:percentile(p)))
  end
  io.write(string.format("tail max %d\n", latency.max))
end
LUA
# THINK_MS: the same, plus a pause of THINK_MS before each connection's next request.
WRK_SCRIPT=$OUT/tail.lua
if [[ -n "${THINK_MS:-}" ]]; then
  WRK_SCRIPT=$OUT/paced.lua
  { cat "$OUT/tail.lua"; echo "delay = function() return $THINK_MS end"; } > "$WRK_SCRIPT"
fi

echo -e "config\tround\tstart_ms\tdeploy_ms\trps\tp50_ms\tp99_ms\tp999_ms\tmax_ms\tcpu_us_per_req\trequests\tspans\trss_mib\tworkers_us\tio_us\tgc_us\tjit_us\texport_us\tother_us\tsystem_us\tworker_vcs_per_100\tworker_ics_per_100\tworker_wait_us\tyoung_gcs\tgc_pause_ms\tcollector_us\tthink_ms\tcpu_idle_pct\tcpu_irq_pct\tcpu_steal_pct\tminflt_per_1000" > "$OUT/results.tsv"

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

  # A Collector per run: its log holds only this run's spans (the Collector appends to a log it finds, so a
  # log left by an earlier invocation of this script is removed first).
  local col=$OUT/collector-$config-$round
  rm -rf "$col" && mkdir -p "$col"
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
  ${LOAD_PIN[@]+"${LOAD_PIN[@]}"} "$OTELCOL" --config="file:$col/otelcol.yaml" > "$col/otelcol.out" 2>&1 &
  local col_pid=$!

  local variant=$config
  if [[ "$config" == *-before ]]; then
    [[ -n "${BEFORE_WAR:-}" ]] || { echo "$config needs BEFORE_WAR" >&2; exit 1; }
    variant=${config%-before}
  fi
  case $variant in
    none) ;;
    off) war=hello-mpotel.war ;;
    on)
      war=hello-mpotel.war
      opts="$opts -Dotel.sdk.disabled=false -Dotel.service.name=hello -Dotel.exporter.otlp.endpoint=http://127.0.0.1:$otlp_http -Dotel.traces.sampler=always_on"
      ;;
    on-minimal)
      war=hello-mpotel.war
      opts="$opts -Dotel.sdk.disabled=false -Dotel.service.name=hello -Dotel.exporter.otlp.endpoint=http://127.0.0.1:$otlp_http -Dotel.traces.sampler=always_on"
      opts="$opts -Dmpotel.http.exclude=/* -Dbench.minimal-span=true"
      ;;
    on-traces|on-unsampled|on-noexport|on-excluded)
      war=hello-mpotel.war
      opts="$opts -Dotel.sdk.disabled=false -Dotel.service.name=hello -Dotel.exporter.otlp.endpoint=http://127.0.0.1:$otlp_http"
      case $variant in
        on-traces) opts="$opts -Dotel.traces.sampler=always_on -Dotel.metrics.exporter=none -Dotel.logs.exporter=none" ;;
        on-unsampled) opts="$opts -Dotel.traces.sampler=always_off" ;;
        on-noexport) opts="$opts -Dotel.traces.sampler=always_on -Dotel.traces.exporter=none -Dotel.metrics.exporter=none -Dotel.logs.exporter=none" ;;
        on-excluded) opts="$opts -Dotel.traces.sampler=always_on -Dotel.traces.exporter=none -Dotel.metrics.exporter=none -Dotel.logs.exporter=none -Dmpotel.http.exclude=/*" ;;
      esac
      ;;
    agent|agent-nodrop)
      opts="$opts -javaagent:$AGENT_JAR"
      env_vars=(OTEL_SERVICE_NAME=hello "OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:$otlp_http")
      if [[ $variant == agent-nodrop ]]; then env_vars+=(OTEL_BSP_MAX_QUEUE_SIZE=65536); fi
      ;;
  esac

  if [[ "$config" == *-before ]]; then war=hello-before.war; fi

  local t0; t0=$(date +%s%3N)
  env ${env_vars[@]+"${env_vars[@]}"} JAVA_OPTS="$opts" ${SERVER_PIN[@]+"${SERVER_PIN[@]}"} "$home/bin/standalone.sh" -b 127.0.0.1 -bmanagement 127.0.0.1 \
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
  local unpinned_warmup=${WARMUP_ALL_CPUS:+${SERVER_CPUS:-}}
  if [[ -n "${JFR:-}" ]]; then
    # JFR's first recording in a JVM deoptimises much of the compiled code; started only for the measured run, it
    # would profile the recompilation. So a recording without a file runs from the warm-up on, and ends with the server.
    jcmd "$pid" JFR.start name=warm settings=default > /dev/null
  fi
  if [[ -n "$unpinned_warmup" ]]; then taskset -a -p -c "0-$(( $(nproc) - 1 ))" "$pid" > /dev/null; fi
  ${LOAD_PIN[@]+"${LOAD_PIN[@]}"} wrk -t1 -c"$CONNECTIONS" -d"${WARMUP}s" --latency "$url" > "$wf/wrk-warmup.txt"
  if [[ -n "$unpinned_warmup" ]]; then
    taskset -a -p -c "$SERVER_CPUS" "$pid" > /dev/null
    ${LOAD_PIN[@]+"${LOAD_PIN[@]}"} wrk -t1 -c"$CONNECTIONS" -d"${SETTLE:-10}s" --latency ${THINK_MS:+-s "$WRK_SCRIPT"} "$url" > "$wf/wrk-settle.txt"
  fi
  if [[ -n "${JFR:-}" ]]; then # JFR=1: record the measured run (a profile, not for the figures)
    jcmd "$pid" JFR.start name=load settings="${JFR_SETTINGS:-profile}" duration="${MEASURE}s" filename="$OUT/$config-$round.jfr" > /dev/null
  fi
  local ygc0; ygc0=$(young_gcs "$pid")
  local gct0; gct0=$(gc_stat "$pid" GCT)
  thread_ticks "$pid" > "$wf/threads-before.tsv"
  local cpu0; cpu0=$(cpu_ticks "$pid")
  local col0; col0=$(cpu_ticks "$col_pid")
  local sys0; sys0=$(server_cpu_ticks)
  local flt0; flt0=$(minor_faults "$pid")
  ${LOAD_PIN[@]+"${LOAD_PIN[@]}"} wrk -t1 -c"$CONNECTIONS" -d"${MEASURE}s" --latency -s "$WRK_SCRIPT" "$url" > "$wf/wrk.txt"
  cp "$wf/wrk.txt" "$OUT/wrk-$config-$round.txt"
  local cpu1; cpu1=$(cpu_ticks "$pid")
  local col1; col1=$(cpu_ticks "$col_pid")
  local sys1; sys1=$(server_cpu_ticks)
  local flt1; flt1=$(minor_faults "$pid")
  local shares # idle, interrupt and steal shares of the server's CPUs, in %
  shares=$(awk -v a="$sys0" -v b="$sys1" 'BEGIN { split(a, x, " "); split(b, y, " "); all = y[4] - x[4]; if (all <= 0) all = 1
    printf "%.1f\t%.1f\t%.1f", 100 * (y[1] - x[1]) / all, 100 * (y[2] - x[2]) / all, 100 * (y[3] - x[3]) / all }')
  thread_ticks "$pid" > "$wf/threads-after.tsv"
  local ygc1; ygc1=$(young_gcs "$pid")
  local gct1; gct1=$(gc_stat "$pid" GCT)
  local gc_ms; gc_ms=$(awk -v a="$gct0" -v b="$gct1" 'BEGIN { printf "%.0f", (b - a) * 1000 }')
  local rss; rss=$(( $(ps -o rss= -p "$pid") / 1024 ))

  local rps p50 p99 requests warm_requests
  rps=$(awk '/Requests\/sec/ {print $2}' "$wf/wrk.txt")
  p50=$(to_ms "$(awk '$1 == "50%" {print $2}' "$wf/wrk.txt")")
  p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$wf/wrk.txt")")
  local p999 max
  p999=$(awk '$1 == "tail" && $2 == "99.9" {printf "%.3f", $3 / 1000}' "$wf/wrk.txt")
  max=$(awk '$1 == "tail" && $2 == "max" {printf "%.3f", $3 / 1000}' "$wf/wrk.txt")
  requests=$(awk '/requests in/ {print $1}' "$wf/wrk.txt")
  local -a warm_logs=("$wf/wrk-warmup.txt")
  if [[ -e "$wf/wrk-settle.txt" ]]; then warm_logs+=("$wf/wrk-settle.txt"); fi
  warm_requests=$(awk '/requests in/ {n += $1} END {print n}' "${warm_logs[@]}")
  local cpu_us
  cpu_us=$(awk -v t=$((cpu1 - cpu0)) -v hz="$CLK_TCK" -v n="$requests" 'BEGIN { printf "%.0f", t / hz * 1e6 / n }')
  local col_us
  col_us=$(awk -v t=$((col1 - col0)) -v hz="$CLK_TCK" -v n="$requests" 'BEGIN { printf "%.0f", t / hz * 1e6 / n }')
  local split
  split=$(thread_split "$wf/threads-before.tsv" "$wf/threads-after.tsv" "$requests" "$OUT/threads-$config-$round.tsv")

  # Graceful stop: mp-otel and the agent flush what they hold. Then count what arrived.
  sleep 2
  kill "$pid"
  wait $launcher 2>/dev/null || true
  sleep 1
  kill $col_pid && wait $col_pid 2>/dev/null || true
  local spans
  spans=$({ grep -o '"spans": [0-9]*' "$col/received.log" 2>/dev/null || true; } | awk '{s += $2} END {print s + 0}')
  local all_requests=$((requests + warm_requests + 1))

  echo -e "$config\t$round\t$start_ms\t$deploy_ms\t$rps\t$p50\t$p99\t$p999\t$max\t$cpu_us\t$all_requests\t$spans\t$rss\t$split\t$((ygc1 - ygc0))\t$gc_ms\t$col_us\t${THINK_MS:-0}\t$shares\t$(awk -v f=$((flt1 - flt0)) -v n="$requests" 'BEGIN { printf "%.1f", f * 1000 / n }')" >> "$OUT/results.tsv"
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
        ("p99_ms", "p99 (ms)"), ("p999_ms", "p99.9 (ms)"), ("max_ms", "slowest request (ms)"), ("cpu_us_per_req", "server CPU per request (us)"), ("rss_mib", "RSS after load (MiB)"),
        ("workers_us", "- request threads (us/req)"), ("io_us", "- Undertow I/O threads (us/req)"), ("gc_us", "- GC threads (us/req)"),
        ("jit_us", "- JIT compiler threads (us/req)"), ("export_us", "- SDK export threads (us/req)"), ("other_us", "- other threads (us/req)"),
        ("system_us", "of which in the kernel, all threads (us/req)"),
        ("worker_vcs_per_100", "request threads: voluntary context switches per 100 requests"),
        ("worker_ics_per_100", "request threads: preempted (involuntary switches) per 100 requests"),
        ("worker_wait_us", "request threads: runnable, waiting for the CPU (us/req)"),
        ("young_gcs", "young GCs in the measured run"), ("gc_pause_ms", "GC pauses in the measured run (ms)"), ("collector_us", "Collector CPU per request (us)"),
        ("cpu_idle_pct", "server's CPUs: idle (%)"), ("cpu_irq_pct", "server's CPUs: interrupts, softirqs included (%)"),
        ("cpu_steal_pct", "server's CPUs: stolen by the hypervisor (%)"), ("minflt_per_1000", "server's minor page faults per 1000 requests")]
med = {c: {k: statistics.median(float(r[k]) for r in rows if r["config"] == c) for k, _ in cols} for c in configs}
print("| metric | " + " | ".join(configs) + " |")
print("|---|" + "---|" * len(configs))
for k, label in cols:
    print(f"| {label} | " + " | ".join(f"{med[c][k]:.4g} ({', '.join(f'{float(r[k]):.4g}' for r in rows if r['config'] == c)})" for c in configs) + " |")
# The server's CPU in use while measured, in cores: at saturation about 1 when pinned to one; below it, what the
# configuration costs at that load.
print("| server CPU in use (cores) | " + " | ".join(f"{statistics.median(float(r['cpu_us_per_req']) * float(r['rps']) / 1e6 for r in rows if r['config'] == c):.3g} ("
      + ", ".join(f"{float(r['cpu_us_per_req']) * float(r['rps']) / 1e6:.3g}" for r in rows if r["config"] == c) + ")" for c in configs) + " |")
print("| spans at the Collector / requests | " + " | ".join(
    ", ".join(f"{r['spans']}/{r['requests']}" for r in rows if r["config"] == c) for c in configs) + " |")
print()
def ratio(a, b, k):
    return med[a][k] / med[b][k] if a in med and b in med and med[b][k] else float("nan")
for a, b in [("on", "off"), ("on", "none"), ("off", "none"), ("agent", "none"), ("on", "agent"), ("on", "agent-nodrop"), ("agent-nodrop", "agent"),
             ("on-traces", "off"), ("on-unsampled", "off"), ("on-noexport", "off"), ("on-excluded", "off"),
             ("on", "on-before"), ("on-noexport", "on-noexport-before"), ("on-before", "off")]:
    if a in med and b in med:
        print(f"- {a}/{b}: throughput {ratio(a, b, 'rps'):.3f}, p99 {ratio(a, b, 'p99_ms'):.3f}, "
              f"CPU per request {ratio(a, b, 'cpu_us_per_req'):.3f}, deploy {ratio(a, b, 'deploy_ms'):.3f}, start {ratio(a, b, 'start_ms'):.3f}")
# A round whose server lost more than 2% of its CPU to the hypervisor ran slower for a reason outside the server; its
# CPU per request rises with it (the host's other guests share caches and cores). Named, not dropped.
disturbed = [r for r in rows if float(r.get("cpu_steal_pct") or 0) > 2]
if disturbed:
    print("- disturbed rounds (over 2% of the server's CPU stolen by the hypervisor; compare them with care): "
          + ", ".join(f"{r['config']} {r['round']} ({float(r['cpu_steal_pct']):.1f}%)" for r in disturbed))
PY
