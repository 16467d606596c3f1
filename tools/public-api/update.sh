#!/usr/bin/env bash
# Writes PublicAPI.Unshipped.txt of packable libraries from what the public API analyzer reports (docs/public-api.md).
#
#   tools/public-api/update.sh                       every packable library of ErrorSdk.sln
#   tools/public-api/update.sh path/to/X.csproj ...  only these projects
#
# For each project: PublicAPI.Shipped.txt is created (empty, '#nullable enable') when missing and never changed;
# PublicAPI.Unshipped.txt is rewritten as '#nullable enable' plus every public symbol the build reports as unrecorded
# (RS0016) and a '*REMOVED*' line for every Shipped symbol that no longer exists (RS0017). The project is then built
# again and must be clean. Review the diff of the .txt files: it is the public API change.
# The analyzer's code fix does the same in an IDE; it is not available from the command line, hence this script.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

if [ "$#" -gt 0 ]; then
  projects=("$@")
else
  projects=()
  while IFS= read -r project; do
    # Only projects whose build wires the baseline (Directory.Build.targets: packable libraries).
    if [ "$(dotnet msbuild "$project" -getProperty:PublicApiBaseline 2>/dev/null | tr -d '[:space:]')" = "true" ]; then
      projects+=("$project")
    fi
  done < <(dotnet sln ErrorSdk.sln list | grep -E '\.csproj$' | tr '\\' '/')
fi

header='#nullable enable'
for project in "${projects[@]}"; do
  dir="$(dirname "$project")"
  echo "== $project"
  [ -f "$dir/PublicAPI.Shipped.txt" ] || printf '%s\n' "$header" > "$dir/PublicAPI.Shipped.txt"
  printf '%s\n' "$header" > "$dir/PublicAPI.Unshipped.txt"
  rm -rf "$dir/PublicAPI"

  log="$(mktemp)"
  # Warnings stay warnings here so every diagnostic is listed. The rewritten Unshipped file is an input of the compile
  # step, so the compiler runs (and reports) again without a full rebuild.
  dotnet build "$project" -p:TreatWarningsAsErrors=false -clp:NoSummary > "$log.all" 2>&1 || true
  # Only this project's diagnostics: a build also reports those of the projects it references.
  grep -F "[$(cd "$dir" && pwd)/$(basename "$project")" "$log.all" > "$log" || true
  if grep -qE ': error ' "$log.all"; then
    grep -E ': error ' "$log.all" | sort -u >&2
    echo "$project does not build; fix the errors above first." >&2
    exit 1
  fi

  # "warning RS0016: Symbol 'X' is not part of the declared public API [...::TargetFramework=tfm]", once per framework.
  symbols_of() { # $1: a framework, or empty for any
    grep -E "warning RS0016: Symbol '.*' is not part of the declared public API${1:+.*TargetFramework=$1\\]}" "$log" \
      | sed -E "s/^.*warning RS0016: Symbol '(.*)' is not part of the declared public API.*$/\1/" | sort -u || true
  }
  removed="$(grep -oE "warning RS0017: Symbol '.*' is part of the declared API, but is either not public or could not be found" "$log" \
    | sed -E "s/^warning RS0017: Symbol '(.*)' is part of the declared API.*$/*REMOVED*\1/" | sort -u || true)"
  frameworks="$(grep -oE "warning RS0016: .*\[[^]]*::TargetFramework=[^]]*\]" "$log" | sed -E 's/.*TargetFramework=([^]]*)\]/\1/' | sort -u || true)"
  rm -rf "$dir/PublicAPI"
  if [ "$(printf '%s\n' "$frameworks" | grep -c . || true)" -gt 1 ]; then
    # Per-framework surfaces: what every framework has goes in the shared pair, the rest in PublicAPI/<tfm>/ (wired by
    # Directory.Build.targets for that framework only).
    common="$(symbols_of "$(printf '%s\n' "$frameworks" | head -n 1)")"
    for framework in $frameworks; do
      common="$(comm -12 <(printf '%s\n' "$common") <(symbols_of "$framework"))"
    done
    for framework in $frameworks; do
      only="$(comm -13 <(printf '%s\n' "$common") <(symbols_of "$framework") | grep . || true)"
      echo "   $framework: $(symbols_of "$framework" | grep -c . || true) symbols, $(printf '%s\n' "$only" | grep -c . || true) on this framework only"
      if [ -n "$only" ]; then
        mkdir -p "$dir/PublicAPI/$framework"
        printf '%s\n' "$header" > "$dir/PublicAPI/$framework/PublicAPI.Shipped.txt"
        { printf '%s\n' "$header"; printf '%s\n' "$only"; } > "$dir/PublicAPI/$framework/PublicAPI.Unshipped.txt"
      fi
    done
    added="$common"
  else
    added="$(symbols_of "")"
  fi
  {
    printf '%s\n' "$header"
    [ -z "$added" ] || printf '%s\n' "$added"
    [ -z "$removed" ] || printf '%s\n' "$removed"
  } > "$dir/PublicAPI.Unshipped.txt"

  echo "   $(printf '%s\n' "$added" | grep -c . || true) added, $(printf '%s\n' "$removed" | grep -c . || true) removed"
  # The check: the build with warnings as errors (as everywhere) must now pass.
  if ! dotnet build "$project" -clp:NoSummary -v:q > "$log" 2>&1; then
    grep -E ': error ' "$log" | sed -E 's/ \(https?:[^)]*\)//' | sort -u >&2
    echo "$project still fails (RS0017 on one framework only: its target frameworks differ in public surface;" \
      "RS0026/RS0027 and other API design rules: fix the API or suppress with a justification; see docs/public-api.md)" >&2
    rm -f "$log"
    exit 1
  fi
  rm -f "$log"
done
