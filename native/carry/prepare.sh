#!/usr/bin/env bash
# native/carry/prepare.sh [OUT]: builds a folder (default carry/ at the repository root, gitignored) to copy to
# a GPU machine that has the NVIDIA driver but no JDK, no Maven and no network: a jlink'ed JDK runtime with only
# the modules Weft's jars use (found by jdeps), the built jars, the native module's tests with the JUnit console
# launcher, bench/peers (the PyTorch peers), and run-gpu.sh with the command lines to run there. Fails if the
# folder exceeds 60 MiB.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="${1:-$ROOT/carry}"
LIMIT_MIB=60
JUNIT_CONSOLE=org.junit.platform:junit-platform-console-standalone:1.11.4

# a JDK 25+ with jlink and jdeps: JAVA_HOME if it qualifies, else the newest under /usr/lib/jvm
jdk_ok() { [ -x "$1/bin/jlink" ] && [ -x "$1/bin/jdeps" ] && "$1/bin/java" -version 2>&1 | grep -Eq 'version "(2[5-9]|[3-9][0-9])'; }
JDK=""
if [ -n "${JAVA_HOME:-}" ] && jdk_ok "$JAVA_HOME"; then JDK="$JAVA_HOME"; else
  for c in $(ls -d /usr/lib/jvm/* 2>/dev/null | sort -V); do jdk_ok "$c" && JDK="$c"; done
fi
[ -n "$JDK" ] || { echo "prepare: needs a JDK 25+ with jlink and jdeps (set JAVA_HOME)" >&2; exit 1; }
export JAVA_HOME="$JDK" PATH="$JDK/bin:$PATH"
MVN=(mvn -B -q --no-transfer-progress)
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"

echo "prepare: building the jars and the native tests with $JDK ..."
(cd "$ROOT" && "${MVN[@]}" -DskipTests package && "${MVN[@]}" -pl native -am -DskipTests test-compile)

rm -rf "$OUT"
mkdir -p "$OUT/lib" "$OUT/test-lib"
cp "$ROOT/cli/target/weft-cli.jar" "$ROOT"/cli/target/lib/*.jar "$OUT/lib/"
mkdir -p "$OUT/peers" && cp "$ROOT"/bench/peers/*.py "$OUT/peers/"
"$JDK/bin/jar" --create --file "$OUT/test-lib/weft-native-tests.jar" -C "$ROOT/native/target/test-classes" .
if ! (cd "$ROOT" && "${MVN[@]}" dependency:copy -Dartifact="$JUNIT_CONSOLE" -DoutputDirectory="$OUT/test-lib"); then
  echo "prepare: could not fetch $JUNIT_CONSOLE; run-gpu.sh will run the CLI commands but not the test suites" >&2
fi

# the Weft jars are modules (their module-info requires picocli, jmh.core, ...): jdeps resolves them on the
# module path; it warns about the same jars seen twice, which says nothing about the modules needed
MODULES=$("$JDK/bin/jdeps" --ignore-missing-deps --multi-release 25 --print-module-deps \
  --module-path "$OUT/lib" "$OUT"/lib/*.jar 2>/dev/null | grep -v '^Warning:' | tail -1)
# java.desktop (13 MiB) serves only the PNG charts of repro and `bench report`, which are not run on the GPU
# machine; it is left out to stay under the limit unless WEFT_CARRY_DESKTOP=1. The Vector API is loaded with
# --add-modules; jdk.zipfs reads jars' resources at run time.
if [ "${WEFT_CARRY_DESKTOP:-0}" != 1 ]; then MODULES=$(echo "$MODULES" | tr ',' '\n' | grep -vx java.desktop | paste -sd, -); fi
MODULES=$(printf '%s\n' "$MODULES" jdk.incubator.vector jdk.zipfs | tr ',' '\n' | sort -u | paste -sd, -)
echo "prepare: jlink with modules $MODULES"
"$JDK/bin/jlink" --add-modules "$MODULES" --strip-debug --no-man-pages --no-header-files --compress zip-9 \
  --output "$OUT/jdk"

cat > "$OUT/run-gpu.sh" <<'RUN'
#!/usr/bin/env bash
# Runs Weft's CUDA checks on this machine with the bundled runtime (no JDK, Maven or network needed).
# ./run-gpu.sh [info|test|bench]   (default: all three, in that order)
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
JAVA=("$HERE/jdk/bin/java" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Xss4m
      -Dweft.cuda.cache="$HERE/ptx-cache")
CP="$HERE/lib/*"
what="${1:-all}"
rc=0
if [ "$what" = info ] || [ "$what" = all ]; then
  echo "== weft info"
  "${JAVA[@]}" -cp "$CP" dev.weft.cli.Main info || rc=1
fi
if [ "$what" = test ] || [ "$what" = all ]; then
  echo "== native tests: bindings, NVRTC compile of every kernel, allocator, CUDA conformance against the CPU"
  if [ -f "$HERE"/test-lib/junit-platform-console-standalone-*.jar ]; then
    "${JAVA[@]}" -jar "$HERE"/test-lib/junit-platform-console-standalone-*.jar execute \
      --class-path "$HERE/test-lib/weft-native-tests.jar:$(ls "$HERE"/lib/*.jar | tr '\n' ':')" \
      --select-package dev.weft.cuda --details summary --disable-banner || rc=1
  else
    echo "the JUnit console launcher is missing (prepare.sh could not fetch it)"; rc=1
  fi
fi
if [ "$what" = bench ] || [ "$what" = all ]; then
  # Weft on the device, then the PyTorch peers on the same GPU (python3 with torch, if present), every result
  # as JSON lines in bench-cuda.jsonl (WEFT_BENCH_OUT overrides), the human-readable progress on the terminal.
  OUTFILE="${WEFT_BENCH_OUT:-$HERE/bench-cuda.jsonl}"
  : > "$OUTFILE"
  echo "== benchmarks on cuda:0 -> $OUTFILE"
  weft_bench() { echo "-- weft bench $*"; "${JAVA[@]}" -cp "$CP" dev.weft.cli.Main bench "$@" --device cuda --json | tee -a "$OUTFILE" || rc=1; }
  weft_bench gemm
  weft_bench elementwise
  weft_bench train-mlp
  weft_bench train-gcn
  PY="${PYTHON:-python3}"
  if "$PY" -c 'import torch, sys; sys.exit(0 if torch.cuda.is_available() else 1)' 2>/dev/null; then
    peer() { echo "-- $PY peers/$*"; "$PY" "$HERE/peers/$1" "${@:2}" --device cuda --json | tee -a "$OUTFILE" || rc=1; }
    peer gemm.py
    peer elementwise.py
    peer train_mlp.py
    peer train_gcn.py
  else
    echo "-- PyTorch peers skipped: $PY has no torch with CUDA (set PYTHON=/path/to/python3)"
  fi
  echo "== $(wc -l < "$OUTFILE") result lines in $OUTFILE"
fi
exit $rc
RUN
chmod +x "$OUT/run-gpu.sh"

# apparent sizes (what a copy transfers), in MiB with one decimal
mib() { du -sb "$1" | awk '{printf "%.1f", $1 / 1048576}'; }
SIZE=$(mib "$OUT")
echo "prepare: $OUT is $SIZE MiB (runtime $(mib "$OUT/jdk") MiB, jars $(mib "$OUT/lib") MiB, tests $(mib "$OUT/test-lib") MiB)"
if awk -v s="$SIZE" -v l="$LIMIT_MIB" 'BEGIN { exit !(s > l) }'; then echo "prepare: over the $LIMIT_MIB MiB limit" >&2; exit 1; fi
echo "prepare: copy it to the GPU machine and run ./run-gpu.sh there"
