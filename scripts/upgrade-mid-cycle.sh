#!/usr/bin/env bash
# A release while a cycle runs, on DevHost: the previous release's build starts a demo cycle and is killed
# (-9) after its first reminder; the current build starts on the same storage and must finish the cycle
# without a failed replay, without a recorded problem and without mailing anyone twice, and start new
# cycles with the current orchestration version. Exit code 0 only when every check passed.
#
#   scripts/upgrade-mid-cycle.sh [PREVIOUS_REF]      (default: origin/main, else main)
# Ports: free ones by default; on a shared machine pin them, e.g.
#   RELEASE_DEVHOST_PORT=7401 RELEASE_AZURITE_PORTS=10400,10401,10402 scripts/upgrade-mid-cycle.sh …
set -euo pipefail
cd "$(dirname "$0")/.."
prev="${1:-$(git rev-parse --verify -q origin/main >/dev/null && echo origin/main || echo main)}"
work=$(mktemp -d)
git worktree add --detach "$work/prev" "$prev" >/dev/null
trap 'git worktree remove --force "$work/prev" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

[ -d node_modules/azurite ] || npm ci --no-audit --no-fund
echo "previous release: $(git rev-parse --short "$prev") ($prev); current: $(git rev-parse --short HEAD) + working tree"
dotnet build "$work/prev/src/SixStability.DevHost" -c Release -o "$work/previous" -nologo -v q
dotnet build src/SixStability.DevHost -c Release -o "$work/current" -nologo -v q
dotnet build bench/SixStability.Bench -c Release -nologo -v q
dotnet run -c Release --no-build --project bench/SixStability.Bench -- upgrade "$work/previous/SixStability.DevHost.dll" "$work/current/SixStability.DevHost.dll"
