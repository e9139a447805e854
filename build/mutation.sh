#!/usr/bin/env bash
# Mutation testing with Stryker.NET (the local tool in .config/dotnet-tools.json): proof that the tests notice a
# wrong rule. Two runs, each on its own test project:
#   core        src/Probation.Standards, the rating core only: Frameworks/, Scoring/, Bulk/, Explanation/, Reset/,
#               Cases/ (build/stryker-core.json), tested by tests/Probation.Standards.Tests. The reader (Findings/),
#               groups, verification and the presentation code (Reporting/, Reporting/Html/) are left out.
#   statistics  src/Probation.Standards.Statistics without its text and JSON writers (build/stryker-statistics.json),
#               tested by tests/Probation.Standards.Statistics.Tests.
# Both multi-target netstandard2.0;net10.0; Stryker builds and mutates net10.0.
#
# usage: build/mutation.sh [core|statistics|all] [STRYKER-OPTION...]
#   build/mutation.sh                   both, full; the reports are copied to docs/mutation/<run>/, and
#                                       build/mutation-summary.py writes summary.md there with equivalent.tsv
#   build/mutation.sh core --mutate '**/src/Probation.Standards/Explanation/*.cs'
#                                       a narrowed run (any extra option): reports stay in artifacts/mutation/<run>/
#   build/mutation.sh core --since:main only the files changed since main
# Slow (tens of minutes on two cores), so not part of .ci/run. MUTATION_CONCURRENCY (default 2) sets Stryker's
# parallel test sessions.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

which=${1:-all}
if [[ $# -gt 0 ]]; then shift; fi
case "$which" in
  core|statistics|all) ;;
  *) echo "error: unknown run '$which' (core, statistics or all)" >&2; exit 2 ;;
esac

dotnet tool restore >/dev/null

run() {
  local name=$1 tests=$2 config=$3
  shift 3
  local out="$root/artifacts/mutation/$name"
  rm -rf "$out"
  mkdir -p "$out"
  local started
  started=$(date +%s)
  (cd "$root/tests/$tests" && dotnet stryker \
      --config-file "$root/build/$config" \
      --concurrency "${MUTATION_CONCURRENCY:-2}" \
      --output "$out" \
      --skip-version-check \
      "$@") | tee "$out/stryker.log"
  local seconds=$(( $(date +%s) - started ))
  local reports="$out/reports"
  # Stryker's markdown report has a row per file but no total: the score is the last line of its own output.
  local score
  score=$(grep -o 'The final mutation score is [0-9.]* %' "$out/stryker.log" | tail -1 | grep -o '[0-9.]* %' || echo 'no score')
  echo "$name: mutation score ${score} in ${seconds}s; reports in $reports"
  if [[ $# -eq 0 ]]; then
    local dest="$root/docs/mutation/$name"
    mkdir -p "$dest"
    cp "$reports/mutation-report.md" "$dest/mutation-report.md"
    gzip -9 -c "$reports/mutation-report.json" > "$dest/mutation-report.json.gz"
    echo "$name: copied the markdown and gzipped JSON reports to docs/mutation/$name/ (the HTML page stays in $reports)"
    if [[ -f "$dest/equivalent.tsv" ]]; then
      python3 "$root/build/mutation-summary.py" "$dest/mutation-report.json.gz" --equivalent "$dest/equivalent.tsv" --markdown "$dest/summary.md" >/dev/null \
        || echo "$name: equivalent.tsv lists mutants this run no longer holds undetected (see above); update it" >&2
    fi
  fi
}

if [[ "$which" == core || "$which" == all ]]; then
  run core Probation.Standards.Tests stryker-core.json "$@"
fi
if [[ "$which" == statistics || "$which" == all ]]; then
  run statistics Probation.Standards.Statistics.Tests stryker-statistics.json "$@"
fi
