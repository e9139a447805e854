#!/usr/bin/env bash
# Coverage-guided fuzzing of the readers with AFL++ and SharpFuzz (docs/fuzzing.md).
#
#   build/fuzz.sh TARGET MINUTES [OUT]
#
# TARGET is findings (the findings reader, then the rater) or sheet (the case-sheet reader, CSV and .xlsx, then the
# rater). It installs afl++ (Debian) and the sharpfuzz tool when missing, builds the harness
# (tests/Probation.Standards.Fuzz), instruments the library's assemblies, runs afl-fuzz on one core for MINUTES
# under nice, then prints a summary from afl's fuzzer_stats and copies any crashes and hangs to
# OUT/findings/TARGET-STAMP. OUT defaults to artifacts/fuzz; each run keeps its own afl output directory there.
# Replay an input with an uninstrumented build (the instrumented one runs only under afl-fuzz):
#   dotnet run --project tests/Probation.Standards.Fuzz -c Release -- TARGET --run FILE...
set -euo pipefail
# The whole script is one block, read before it runs: bash reads a script as it goes, so editing this file during a
# run would otherwise make the run go on from the same offset in the new text (it once started afl-fuzz again).
{
cd "$(dirname "$0")/.."


target=${1:-}
minutes=${2:-}
out=${3:-artifacts/fuzz}
case "$target" in
  findings|sheet) ;;
  *) echo "usage: build/fuzz.sh findings|sheet MINUTES [OUT]" >&2; exit 2 ;;
esac
if ! [[ "$minutes" =~ ^[0-9]+$ ]] || [ "$minutes" -lt 1 ]; then
  echo "usage: build/fuzz.sh findings|sheet MINUTES [OUT] (MINUTES a whole number, at least 1)" >&2
  exit 2
fi
mkdir -p "$out"
out=$(cd "$out" && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export PATH="$PATH:$HOME/.dotnet/tools"

# The tools: AFL++ from Debian's packages, SharpFuzz's instrumenter as a global dotnet tool.
if ! command -v afl-fuzz >/dev/null 2>&1; then
  echo "afl-fuzz not found: installing Debian's afl++ package" >&2
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++; } >&2
fi
if ! command -v sharpfuzz >/dev/null 2>&1; then
  echo "sharpfuzz not found: installing the SharpFuzz.CommandLine 2.3.0 dotnet tool" >&2
  dotnet tool install --global SharpFuzz.CommandLine --version 2.3.0 >&2
fi

# Build the harness into its own folder and instrument the library's assemblies there (never the ones in bin/,
# which the tests use). The harness itself and the third-party readers stay uninstrumented.
bin="$out/bin/$target"
rm -rf "$bin"
dotnet build tests/Probation.Standards.Fuzz -c Release -o "$bin" -v quiet -nologo >&2
for dll in "$bin"/Probation.Standards.dll "$bin"/Probation.Standards.Sheets.dll; do
  sharpfuzz "$dll" >&2
done

# The seed corpus: the seeds and the test corpus's documents (small ones; afl works best on small inputs), or the
# seed sheets, the harness's own small sheets and the sheet regression documents.
stamp=$(date -u +%Y%m%dT%H%M%SZ)
seeds="$out/seeds/$target-$stamp"
mkdir -p "$seeds"
if [ "$target" = findings ]; then
  find seeds tests/Probation.Standards.Cli.Tests/Corpus -name '*.json' -size -16k -print0 \
    | while IFS= read -r -d '' f; do cp "$f" "$seeds/$(echo "${f%.json}" | tr '/' '_').json"; done
else
  cp seeds/*.csv seeds/*.xlsx tests/Probation.Standards.Fuzz/seeds/sheet/* "$seeds/"
  # and the inputs earlier fuzzing found (small ones), so a run starts from them
  find tests/Probation.Standards.Sheets.Tests/Fuzz/Regressions \( -name '*.csv' -o -name '*.xlsx' \) -size -16k -exec cp {} "$seeds/" \;
fi
dict="tests/Probation.Standards.Fuzz/dictionaries/$target.dict"

# One core, low priority, for MINUTES (-V). -t: a hang is an input that takes over 5 s; -m none: .NET reserves
# far more address space than afl's default limit. SharpFuzz's out-of-process mode is not a native afl binary,
# so afl's checks of the binary and of the machine's crash and CPU settings are skipped.
run="$out/afl/$target-$stamp"
mkdir -p "$(dirname "$run")"
echo "fuzzing $target for $minutes minutes: $(ls "$seeds" | wc -l) seeds, afl output in $run" >&2
AFL_SKIP_BIN_CHECK=1 AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 \
  AFL_FORKSRV_INIT_TMOUT=60000 \
  nice -n 10 afl-fuzz -i "$seeds" -o "$run" -x "$dict" -t 5000 -m none -V $((minutes * 60)) \
  -- "$bin/Probation.Standards.Fuzz" "$target" > "$run.log" 2>&1 || {
    echo "afl-fuzz failed; the end of its log ($run.log):" >&2
    tail -n 30 "$run.log" >&2
    exit 1
  }

# The summary, from afl's own fuzzer_stats, and the findings copied out.
stats="$run/default/fuzzer_stats"
field() { sed -n "s/^$1 *: *//p" "$stats"; }
findings="$out/findings/$target-$stamp"
crashes=$(find "$run/default/crashes" -type f -name 'id:*' 2>/dev/null | wc -l)
hangs=$(find "$run/default/hangs" -type f -name 'id:*' 2>/dev/null | wc -l)
if [ "$crashes" -gt 0 ] || [ "$hangs" -gt 0 ]; then
  mkdir -p "$findings"
  find "$run/default/crashes" "$run/default/hangs" -type f -name 'id:*' -exec cp --parents {} "$findings" \; 2>/dev/null || true
fi
start=$(field start_time)
last=$(field last_update)
echo "target:        $target"
echo "afl output:    $run"
echo "started:       $(date -u -d "@$start" +%Y-%m-%dT%H:%M:%SZ)"
echo "ended:         $(date -u -d "@$last" +%Y-%m-%dT%H:%M:%SZ)"
echo "run time:      $(field run_time) s"
echo "execs:         $(field execs_done) ($(field execs_per_sec) a second)"
echo "paths:         $(field corpus_count) in the queue ($(field corpus_found) found), $(field edges_found) edges"
echo "crashes:       $(field saved_crashes) saved ($crashes files)"
echo "hangs:         $(field saved_hangs) saved ($hangs files)"
if [ "$crashes" -gt 0 ] || [ "$hangs" -gt 0 ]; then
  echo "findings:      $findings (replay: dotnet run --project tests/Probation.Standards.Fuzz -c Release -- $target --run FILE)"
fi
exit 0
}
