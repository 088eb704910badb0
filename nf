#!/usr/bin/env bash
# The front door: ./nf setup | run | test [FILTER] | platform [OPTIONS] | bench [--quick]
# `setup` is plain bash because it installs what everything else needs; every other command is the
# C# runner in tools/Nf, built on demand.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"

say() { printf 'nf: %s\n' "$*" >&2; }

# Debian packages the build and the tests need: QEMU 10 (vhost-user-scmi) from bookworm-backports,
# the AArch64 cross binutils and gcc for the boot stub and linking, dtc for device trees.
backports_packages=(qemu-system-arm)
packages=(binutils-aarch64-linux-gnu gcc-aarch64-linux-gnu device-tree-compiler cpio xz-utils)

qemu_ok() {
  command -v qemu-system-aarch64 >/dev/null 2>&1 &&
    qemu-system-aarch64 -device help 2>/dev/null | grep -q vhost-user-scmi
}

missing_packages() {
  local p
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || printf '%s\n' "$p"
  done
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else say "need root to run: $* (run ./nf setup as root, or install sudo)"; exit 1
  fi
}

# bookworm-backports, using the archive address and key of the machine's own Debian source.
add_backports() {
  local list=/etc/apt/sources.list.d/nf-backports.sources src uris key
  grep -rqs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/ && return 0
  src=/etc/apt/sources.list.d/debian.sources
  if [ -f "$src" ]; then
    uris=$(awk '/^URIs:/{print $2; exit}' "$src")
    key=$(awk '/^Signed-By:/{print $2; exit}' "$src")
  elif [ -f /etc/apt/sources.list ]; then
    uris=$(awk '$1=="deb" && $3 ~ /^bookworm$/ {print $2; exit}' /etc/apt/sources.list)
    key=/usr/share/keyrings/debian-archive-keyring.gpg
  fi
  if [ -z "${uris:-}" ]; then
    say "cannot find the Debian archive in /etc/apt/sources.list*; add bookworm-backports by hand"; exit 1
  fi
  say "adding bookworm-backports from $uris"
  printf 'Types: deb\nURIs: %s\nSuites: bookworm-backports\nComponents: main\nSigned-By: %s\n' \
    "$uris" "${key:-/usr/share/keyrings/debian-archive-keyring.gpg}" | as_root tee "$list" >/dev/null
}

setup() {
  local need
  need=$(missing_packages)
  if [ -n "$need" ] || ! qemu_ok; then
    command -v apt-get >/dev/null 2>&1 || { say "no apt-get: install QEMU 10 and the aarch64 cross binutils by hand"; exit 1; }
    qemu_ok || add_backports
    say "installing Debian packages (one time): ${need//$'\n'/ } $(qemu_ok || echo "${backports_packages[*]}")"
    as_root apt-get update -qq || { say "apt-get update failed: is the network to the Debian archive up?"; exit 1; }
    # shellcheck disable=SC2086
    [ -z "$need" ] || as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
    qemu_ok || as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -t bookworm-backports "${backports_packages[@]}" >/dev/null
    qemu_ok || { say "QEMU with vhost-user-scmi is still missing after install"; exit 1; }
  fi
  command -v dotnet >/dev/null 2>&1 || { say "the .NET 10 SDK is required (dotnet on PATH)"; exit 1; }
  local stamp=.nf/restore.stamp
  mkdir -p .nf
  if [ ! -f "$stamp" ] || [ -n "$(find . -name '*.csproj' -newer "$stamp" -o -name '*.props' -newer "$stamp" -o -name '*.targets' -newer "$stamp" | grep -v '/obj/' | head -1)" ]; then
    say "restoring NuGet packages"
    dotnet restore nf.sln -v q --nologo >/dev/null || { say "NuGet restore failed: run 'dotnet restore nf.sln' to see why"; exit 1; }
    touch "$stamp"
  fi
}

runner() {
  local dll=tools/Nf/bin/Release/net10.0/Nf.dll
  # Rebuild the runner only when its sources changed: a no-op `dotnet build` still costs seconds.
  if [ ! -f "$dll" ] || [ -n "$(find tools/Nf tools/Nf.Processes Directory.Build.props -newer "$dll" \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' \) -not -path '*/bin/*' -not -path '*/obj/*' | head -1)" ]; then
    dotnet build tools/Nf/Nf.csproj -c Release -v q --nologo -clp:ErrorsOnly >/dev/null ||
      { dotnet build tools/Nf/Nf.csproj -c Release -v q --nologo -clp:ErrorsOnly; exit 1; }
  fi
  exec dotnet "$dll" "$@"
}

cmd="${1:-help}"
case "$cmd" in
  setup) setup ;;
  run|test|platform|list|bench) setup; runner "$@" ;;
  help|-h|--help)
    cat <<'TXT'
usage: ./nf <command>
  setup            install what is missing (Debian packages, NuGet restore); quiet when all is there
  run              build the firmware and boot it on QEMU virt, streaming its console
                   (--modern, --flash: from flash bank 0, --gicv3: on the GICv3 machine, --script FILE)
  test [FILTER]    build and run every suite (on-target, host, interop); FILTER picks suites/tests
  test --list      list suites and tests (also: ./nf list [FILTER])
  test --no-build  run what the last build left
  platform [OPTS]  build and start the SCMI platform (vhost-user backend); --help for its options
  bench [--quick]  measure the agent and the platform; writes bench/results.md and bench/results.json
TXT
    ;;
  *) say "unknown command '$cmd' (try ./nf help)"; exit 2 ;;
esac
