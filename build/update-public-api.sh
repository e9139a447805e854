#!/usr/bin/env bash
# Refreshes PublicAPI.Unshipped.txt of every shipped project from the code, with the analyzer's own code fix
# (RS0016: "symbol is not part of the declared public API"), never by hand. Run it after a merge that adds
# public API, review the diff of the PublicAPI.*.txt files, and commit them with the change.
#
#   build/update-public-api.sh            refresh every shipped project
#   build/update-public-api.sh --check    fail (exit 1) if any file would change, as a review gate
#
# Removed API (RS0017) is not fixed automatically: delete its line from PublicAPI.Unshipped.txt, or move it to
# the *REMOVED* section of PublicAPI.Shipped.txt once it has shipped, by hand, because removing shipped API is a
# breaking change that needs a person's decision.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

check=false
if [ "${1:-}" = "--check" ]; then
  check=true
fi

# The shipped projects: every project under src/ that opts in with IsPackable=true.
mapfile -t projects < <(grep -l '<IsPackable>true</IsPackable>' src/*/*.csproj | sort)
if [ "${#projects[@]}" -eq 0 ]; then
  echo "no shipped projects found under src/" >&2
  exit 1
fi

status=0
for project in "${projects[@]}"; do
  dir=$(dirname "$project")
  for file in PublicAPI.Shipped.txt PublicAPI.Unshipped.txt; do
    if [ ! -f "$dir/$file" ]; then
      printf '#nullable enable\n' > "$dir/$file"
    fi
  done

  echo "== $project" >&2
  dotnet restore "$project" --verbosity quiet >&2
  # The code fix adds each missing symbol to PublicAPI.Unshipped.txt, for every target framework at once. Fixing
  # many symbols in one pass can drop entries that belong to the same type (seen with a record gaining a member),
  # so repeat until a pass changes nothing.
  unshipped="$dir/PublicAPI.Unshipped.txt"
  for _ in 1 2 3 4 5; do
    before=$(cksum < "$unshipped")
    dotnet format analyzers "$project" --no-restore --diagnostics RS0016 --severity warn --verbosity quiet >&2
    if [ "$(cksum < "$unshipped")" = "$before" ]; then
      break
    fi
  done
done

# Prove it with the analyzer as the build runs it, once every project's files are refreshed (building one project
# builds the projects it references): what is left, e.g. RS0017 for removed API, needs a person.
for project in "${projects[@]}"; do
  left=$(dotnet build "$project" -c Release --no-restore 2>&1 | grep -oE '[^ ]*: error RS00[0-9]+: .*' | sed 's/ \[.*//' | sort -u || true)
  if [ -n "$left" ]; then
    echo "$left" >&2
    status=1
  fi
done
if [ "$status" -ne 0 ]; then
  echo "the public API files still differ from the code: fix the lines above by hand" >&2
fi

if $check; then
  # Changed or new (untracked) files both mean the committed files were out of date.
  if [ -n "$(git status --porcelain -- 'src/*/PublicAPI.*.txt')" ]; then
    git status --short -- 'src/*/PublicAPI.*.txt' >&2
    echo "public API files are out of date: run build/update-public-api.sh and review the diff" >&2
    exit 1
  fi
fi
exit $status
