#!/usr/bin/env bash
# Builds a minimal OpenTelemetry Collector (core: otlp receiver; batch processor; debug, otlp_grpc and otlp_http
# exporters) from Debian sid's golang-opentelemetry-collector-dev source package with Debian's Go toolchain.
# The integration tests find the result through dev.mpotel.it.support.CollectorBinary.
#
# Usage: tools/build-otelcol.sh OUT_PATH        e.g. tools/build-otelcol.sh ~/.cache/mp-otel/otelcol
#
# Needs apt-get, dpkg-deb, the Debian archive keyring and access to deb.debian.org; no root, no system changes:
# apt lists and downloads are private to the work dir and the .debs are only extracted (dpkg-deb -x).
# Takes about 3 minutes and ~1 GB in the work dir, which can be deleted afterwards.
# Environment:
#   OTELCOL_WORK  work dir (default $HOME/.cache/mp-otel/otelcol-build)
#   GOVER         Debian Go version package to use (default 1.26; the collector needs Go >= 1.25)
#   FULL=1        download every golang-* dependency of the source package instead of the measured minimal set
#                 (~350 MB); the script falls back to this by itself when the minimal set no longer compiles.
#
# Anyone with an official otelcol / otelcol-contrib binary can skip this and set OTELCOL_BIN instead.
set -euo pipefail

if [ "$#" -ne 1 ] || [ -z "$1" ]; then
  echo "usage: $0 OUT_PATH   (for example: $0 \"\$HOME/.cache/mp-otel/otelcol\")" >&2
  exit 2
fi
case "$1" in
  /*) OUT=$1 ;;
  *) OUT=$PWD/$1 ;;
esac
WORK=${OTELCOL_WORK:-$HOME/.cache/mp-otel/otelcol-build}
GOVER=${GOVER:-1.26}
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg

for tool in apt-get apt-cache dpkg-deb; do
  command -v "$tool" >/dev/null 2>&1 || { echo "$0: needs $tool (a Debian-based system)" >&2; exit 1; }
done
[ -r "$KEYRING" ] || { echo "$0: needs $KEYRING (package debian-archive-keyring)" >&2; exit 1; }

echo "Building the OpenTelemetry Collector into $OUT (work dir $WORK)"
rm -rf "$WORK"/debs "$WORK"/root      # never mix packages of an earlier run with today's sid
mkdir -p "$WORK"/apt/lists/partial "$WORK"/apt/cache/archives/partial "$WORK"/debs "$WORK"/root \
         "$WORK"/src/otelcol "$(dirname "$OUT")"
echo "deb [signed-by=$KEYRING] http://deb.debian.org/debian sid main" > "$WORK"/apt/sources.list
APTO=(-o Dir::Etc::sourcelist="$WORK"/apt/sources.list -o Dir::Etc::sourceparts=- \
      -o Dir::State::Lists="$WORK"/apt/lists -o Dir::Cache="$WORK"/apt/cache)
apt-get "${APTO[@]}" -qq update

# The 56 source packages `go list -deps` needs (measured with collector 0.152.0-1).
MIN="golang-opentelemetry-collector-dev golang-opentelemetry-contrib-dev golang-opentelemetry-otel-dev
golang-opentelemetry-proto-dev golang-google-grpc-dev golang-google-protobuf-dev golang-google-genproto-dev
golang-golang-x-net-dev golang-golang-x-sys-dev golang-golang-x-text-dev golang-golang-x-crypto-dev
golang-golang-x-exp-dev golang-go.uber-zap-dev golang-go.uber-multierr-dev golang-gopkg-yaml.v3-dev
golang-github-beorn7-perks-dev golang-github-cenkalti-backoff-v5-dev golang-github-cespare-xxhash-v2-dev
golang-github-davecgh-go-spew-dev golang-github-felixge-httpsnoop-dev golang-github-foxboron-go-tpm-keyfiles-dev
golang-github-fsnotify-fsnotify-dev golang-github-go-logr-logr-dev golang-github-go-logr-stdr-dev
golang-github-go-viper-mapstructure-dev golang-github-gobwas-glob-dev golang-github-golang-protobuf-1-5-dev
golang-github-golang-snappy-dev golang-github-google-go-tpm-dev golang-github-google-uuid-dev
golang-github-grpc-ecosystem-grpc-gateway-dev golang-github-hashicorp-go-version-dev
golang-github-hashicorp-golang-lru-v2-dev golang-github-json-iterator-go-dev golang-github-klauspost-compress-dev
golang-github-knadh-koanf-dev golang-github-mitchellh-copystructure-dev golang-github-mitchellh-reflectwalk-dev
golang-github-modern-go-concurrent-dev golang-github-modern-go-reflect2-dev golang-github-munnerz-goautoneg-dev
golang-github-pierrec-lz4-dev golang-github-pmezard-go-difflib-dev golang-github-prometheus-client-golang-dev
golang-github-prometheus-client-model-dev golang-github-prometheus-common-dev golang-github-prometheus-otlptranslator-dev
golang-github-prometheus-procfs-dev golang-github-rs-cors-dev golang-github-shirou-gopsutil-dev
golang-github-spf13-cobra-dev golang-github-spf13-pflag-dev golang-github-stretchr-testify-dev
golang-github-tklauser-go-sysconf-dev golang-github-tklauser-numcpus-dev golang-gonum-v1-gonum-dev"

# Downloads the given packages (plus Go itself) and extracts every downloaded .deb into $WORK/root.
fetch() {
  # shellcheck disable=SC2086  # the package list is meant to split on whitespace
  (cd "$WORK"/debs && apt-get "${APTO[@]}" -qq download "golang-$GOVER-go" "golang-$GOVER-src" $1)
  for deb in "$WORK"/debs/*.deb; do dpkg-deb -x "$deb" "$WORK"/root; done
}

all_dependencies() {
  apt-cache "${APTO[@]}" depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks \
    --no-replaces --no-enhances golang-opentelemetry-collector-dev | grep -E '^golang-.*-dev$' | sort -u
}

if [ "${FULL:-0}" = 1 ]; then fetch "$(all_dependencies)"; else fetch "$MIN"; fi

COLLECTOR_VERSION=$(dpkg-deb -f "$(ls "$WORK"/debs/golang-opentelemetry-collector-dev_*.deb | head -n 1)" Version)
cat > "$WORK"/src/otelcol/main.go <<'GO'
package main

import (
	"log"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/confmap"
	"go.opentelemetry.io/collector/confmap/provider/envprovider"
	"go.opentelemetry.io/collector/confmap/provider/fileprovider"
	"go.opentelemetry.io/collector/confmap/provider/yamlprovider"
	"go.opentelemetry.io/collector/exporter"
	"go.opentelemetry.io/collector/exporter/debugexporter"
	"go.opentelemetry.io/collector/exporter/otlpexporter"
	"go.opentelemetry.io/collector/exporter/otlphttpexporter"
	"go.opentelemetry.io/collector/otelcol"
	"go.opentelemetry.io/collector/processor"
	"go.opentelemetry.io/collector/processor/batchprocessor"
	"go.opentelemetry.io/collector/receiver"
	"go.opentelemetry.io/collector/receiver/otlpreceiver"
	"go.opentelemetry.io/collector/service/telemetry/otelconftelemetry"
)

// components lists what this build contains; it is what the collector builder (ocb) would generate for it.
func components() (otelcol.Factories, error) {
	var err error
	f := otelcol.Factories{Telemetry: otelconftelemetry.NewFactory()}
	if f.Receivers, err = otelcol.MakeFactoryMap[receiver.Factory](otlpreceiver.NewFactory()); err != nil {
		return f, err
	}
	if f.Processors, err = otelcol.MakeFactoryMap[processor.Factory](batchprocessor.NewFactory()); err != nil {
		return f, err
	}
	f.Exporters, err = otelcol.MakeFactoryMap[exporter.Factory](debugexporter.NewFactory(),
		otlpexporter.NewFactory(), otlphttpexporter.NewFactory())
	return f, err
}

func main() {
	set := otelcol.CollectorSettings{
		BuildInfo: component.BuildInfo{
			Command:     "otelcol",
			Description: "OpenTelemetry Collector core, built by mp-otel's tools/build-otelcol.sh from Debian sources",
			Version:     "@VERSION@",
		},
		Factories: components,
		ConfigProviderSettings: otelcol.ConfigProviderSettings{ResolverSettings: confmap.ResolverSettings{
			ProviderFactories: []confmap.ProviderFactory{envprovider.NewFactory(), fileprovider.NewFactory(), yamlprovider.NewFactory()},
			DefaultScheme:     "env",
		}},
	}
	if err := otelcol.NewCommand(set).Execute(); err != nil {
		log.Fatal(err)
	}
}
GO
sed -i "s/@VERSION@/${COLLECTOR_VERSION:-debian}/" "$WORK"/src/otelcol/main.go

# GOPATH mode, the way Debian builds its Go packages; nothing is fetched from the network here.
export GOROOT="$WORK"/root/usr/lib/go-$GOVER GOPATH="$WORK"/gopath:"$WORK"/root/usr/share/gocode \
       GO111MODULE=off GOPROXY=off GOTOOLCHAIN=local GOFLAGS=-buildvcs=false CGO_ENABLED=0 \
       GOCACHE="$WORK"/gocache
mkdir -p "$WORK"/gopath/src && ln -sfn "$WORK"/src/otelcol "$WORK"/gopath/src/otelcol
TMP_OUT="$OUT.partial.$$"
trap 'rm -f "$TMP_OUT"' EXIT
compile() { (cd "$WORK"/gopath/src/otelcol && "$GOROOT"/bin/go build -trimpath -ldflags='-s -w' -o "$TMP_OUT" .); }

if ! compile; then
  if [ "${FULL:-0}" = 1 ]; then
    echo "$0: the build failed even with every dependency of golang-opentelemetry-collector-dev" >&2
    exit 1
  fi
  echo "The minimal package set no longer compiles (sid moved on); retrying with every dependency (FULL=1)" >&2
  fetch "$(all_dependencies)"
  compile
fi
"$TMP_OUT" --version
mv -f "$TMP_OUT" "$OUT"     # atomic: a reader never sees a half-written binary
echo "Built $OUT"
