#!/usr/bin/env bash
# Records replay fixtures: runs real cycles on a DevHost build (its own process, over a fresh Azurite) and
# writes each cycle's full orchestration history to tests/SixStability.Integration.Tests/Cycles/Replay/vN/.
#
#   scripts/record-replay-fixtures.sh VERSION [GIT_REF]
#
# VERSION  the orchestration version the build starts cycles with (the folder vVERSION); its folder must
#          not exist yet: fixtures of a released version are never edited or re-recorded.
# GIT_REF  the commit to build (default: the working tree, i.e. the version you are adding).
# Ports: free ones by default; on a shared machine pin them, e.g.
#   RELEASE_DEVHOST_PORT=7401 RELEASE_AZURITE_PORTS=10400,10401,10402 scripts/record-replay-fixtures.sh …
# Run it once when a version is added (README, "Releasing while cycles run"), then commit the folder.
set -euo pipefail
cd "$(dirname "$0")/.."
version="${1:?usage: $0 VERSION [GIT_REF]}"
ref="${2:-}"
out="tests/SixStability.Integration.Tests/Cycles/Replay/v$version"
if [ -e "$out" ]; then
  echo "$out exists: fixtures of a released version are never re-recorded (delete it only if version $version was never released)." >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -n "$ref" ]; then
  git worktree add --detach "$work/src" "$ref" >/dev/null
  trap 'git worktree remove --force "$work/src" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
  src="$work/src"; label="$(git rev-parse --short "$ref") ($ref)"
else
  src="."; label="$(git rev-parse --short HEAD) + working tree"
fi

[ -d node_modules/azurite ] || npm ci --no-audit --no-fund
dotnet build "$src/src/SixStability.DevHost" -c Release -o "$work/devhost" -nologo -v q
dotnet build bench/SixStability.Bench -c Release -nologo -v q
dotnet run -c Release --no-build --project bench/SixStability.Bench -- record-fixtures "$work/devhost/SixStability.DevHost.dll" "$out" "$label, orchestration version $version"
echo "Recorded $out: review, then commit it. The replay test (Cycles/Replay) now replays it on every build."
