#!/usr/bin/env bash
# Builds, once per machine, the Linux guest the interop suite boots and ./nf bench times: a small arm64 kernel from
# Debian's linux-source-6.12 and a busybox-static initramfs with /bin/scmi-bench (scmi-bench.c, freestanding),
# cached outside the clone and keyed by what went in.
# Prints `kernel=PATH` and `initramfs=PATH` on stdout; progress goes to stderr. With `--packages` it only
# makes sure the Debian packages are there (installing what is missing) and exits.
# Exit status: 0 ready, 77 the Debian packages it needs cannot be fetched (the suite skips), else failed.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache_root="${NF_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/nf}"
jobs="${NF_KERNEL_JOBS:-2}"
cross=aarch64-linux-gnu-
# Bump when the recipe below changes in a way the fragment does not show; it is part of the cache key.
recipe=1
exit_no_packages=77

say() { printf 'guest: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

# ---- Debian packages ----------------------------------------------------------------------------------
host_packages=(linux-source-6.12 make gcc flex bison bc libssl-dev libelf-dev cpio gzip xz-utils
               gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu device-tree-compiler)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"
  else return 1
  fi
}

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

apt_updated=0
apt_update() {
  [ "$apt_updated" = 1 ] && return 0
  as_root apt-get update -qq >/dev/null 2>&1 || return 1
  apt_updated=1
}

ensure_host_packages() {
  local missing=() p
  for p in "${host_packages[@]}"; do installed "$p" || missing+=("$p"); done
  [ "${#missing[@]}" -eq 0 ] && return 0
  command -v apt-get >/dev/null 2>&1 || { say "no apt-get: cannot install ${missing[*]}"; exit $exit_no_packages; }
  say "installing Debian packages: ${missing[*]}"
  if ! apt_update || ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1; then
    say "cannot fetch the Debian packages ${missing[*]} (no root, or no network to the archive)"
    exit $exit_no_packages
  fi
}

# busybox-static for arm64 is downloaded and unpacked, never installed on the host.
busybox_deb() {
  local dir="$cache_root/downloads" deb
  mkdir -p "$dir"
  deb=$(ls "$dir"/busybox-static_*_arm64.deb 2>/dev/null | tail -1 || true)
  if [ -z "$deb" ]; then
    if ! dpkg --print-foreign-architectures | grep -qx arm64; then
      as_root dpkg --add-architecture arm64 || { say "cannot add the arm64 architecture to dpkg"; exit $exit_no_packages; }
      apt_updated=0
    fi
    apt_update || { say "apt-get update failed"; exit $exit_no_packages; }
    (cd "$dir" && apt-get download -qq busybox-static:arm64 >/dev/null 2>&1) ||
      { say "cannot download busybox-static:arm64"; exit $exit_no_packages; }
    deb=$(ls "$dir"/busybox-static_*_arm64.deb | tail -1)
  fi
  printf '%s\n' "$deb"
}

# ---- Cache keys -----------------------------------------------------------------------------------------
kernel_version() { dpkg-query -W -f='${Version}' linux-source-6.12 | tr '~+:' '---'; }
content_hash() { cat "$@" | sha256sum | cut -c1-12; }

# ---- Kernel ---------------------------------------------------------------------------------------------
# Progress: the number of objects compiled so far, every 20 s, while make runs in the background.
make_with_progress() {
  local log=$1; shift
  local start=$SECONDS pid
  "$@" >"$log" 2>&1 &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    sleep 20
    kill -0 "$pid" 2>/dev/null || break
    say "building kernel: $(grep -c '^  CC' "$log" || true) files compiled, $((SECONDS - start)) s (log: $log)"
  done
  wait "$pid" || { tail -30 "$log" >&2; die "kernel build failed (log: $log)"; }
}

# Every CONFIG_ line of the fragment must come out as written; Kconfig silently drops what it cannot honour.
check_config() {
  local fragment=$1 config=$2 line name bad=0
  while IFS= read -r line; do
    case "$line" in CONFIG_*=*) ;; *) continue ;; esac
    name=${line%%=*}
    if ! grep -qx "$line" "$config"; then
      say "kernel config: wanted $line, got: $(grep -E "^$name=|^# $name is not set" "$config" || echo 'absent')"
      bad=1
    fi
  done <"$fragment"
  [ "$bad" = 0 ] || die "the kernel configuration does not honour $fragment"
}

build_kernel() {
  local out=$1 src="$cache_root/build-$(basename "$1")" tarball=/usr/src/linux-source-6.12.tar.xz
  rm -rf "$src"; mkdir -p "$src"
  say "unpacking $tarball"
  tar -xf "$tarball" -C "$src" --strip-components=1
  # Debugfs writes to clk_rate and clk_prepare_enable are compiled out unless this symbol is defined;
  # the suite sets clock rates through them to drive CLOCK_RATE_SET from an ordinary consumer path.
  sed -i 's/^#undef CLOCK_ALLOW_WRITE_DEBUGFS$/#define CLOCK_ALLOW_WRITE_DEBUGFS/' "$src/drivers/clk/clk.c"
  grep -qx '#define CLOCK_ALLOW_WRITE_DEBUGFS' "$src/drivers/clk/clk.c" || die "drivers/clk/clk.c changed: CLOCK_ALLOW_WRITE_DEBUGFS not found"
  local kmake=(make -C "$src" ARCH=arm64 CROSS_COMPILE=$cross -s)
  "${kmake[@]}" allnoconfig >/dev/null
  (cd "$src" && ARCH=arm64 CROSS_COMPILE=$cross scripts/kconfig/merge_config.sh -m -O "$src" .config "$here/kernel.config" >/dev/null)
  "${kmake[@]}" olddefconfig >/dev/null
  check_config "$here/kernel.config" "$src/.config"
  say "building the kernel with $jobs jobs (first run only; about 7+ minutes on 2 cores)"
  make_with_progress "$src/build.log" nice -n 19 make -C "$src" ARCH=arm64 CROSS_COMPILE=$cross -j"$jobs" Image
  local tmp="$out.tmp"
  rm -rf "$tmp"; mkdir -p "$tmp"
  cp "$src/arch/arm64/boot/Image" "$tmp/Image"
  cp "$src/.config" "$tmp/config"
  mv "$tmp" "$out"
  rm -rf "$src"
}

# ---- Initramfs ------------------------------------------------------------------------------------------
build_initramfs() {
  local out=$1 deb=$2 tmp="$1.tmp"
  rm -rf "$tmp"; mkdir -p "$tmp/unpacked" "$tmp/root"/{bin,dev,proc,sys,tmp,nf}
  dpkg-deb -x "$deb" "$tmp/unpacked"
  cp "$tmp/unpacked/bin/busybox" "$tmp/root/bin/busybox"
  ln -s busybox "$tmp/root/bin/sh"
  install -m 0755 "$here/init" "$tmp/root/init"
  # No libc in the guest: a freestanding static program that makes its own system calls.
  ${cross}gcc -nostdlib -static -ffreestanding -fno-stack-protector -fno-pie -no-pie -O2 -Wall -Wextra -Werror \
    -o "$tmp/root/bin/scmi-bench" "$here/scmi-bench.c" || die "scmi-bench.c does not build"
  (cd "$tmp/root" && find . | LC_ALL=C sort | cpio -o -H newc --owner=0:0 --quiet | gzip -9n) >"$tmp/initramfs.cpio.gz"
  mkdir -p "$out"
  mv "$tmp/initramfs.cpio.gz" "$out/initramfs.cpio.gz"
  rm -rf "$tmp"
}

# ---- Main -----------------------------------------------------------------------------------------------
mkdir -p "$cache_root"
exec 9>"$cache_root/guest.lock"
if ! flock -n 9; then
  say "another process is building the guest; waiting for it"
  flock 9
fi

ensure_host_packages
if [ "${1:-}" = --packages ]; then
  busybox_deb >/dev/null
  exit 0
fi
kernel_dir="$cache_root/linux-$(kernel_version)-$( (cat "$here/kernel.config"; echo "recipe=$recipe") | sha256sum | cut -c1-12)"
if [ ! -f "$kernel_dir/Image" ]; then
  start=$SECONDS
  build_kernel "$kernel_dir"
  say "kernel ready in $((SECONDS - start)) s: $kernel_dir/Image"
fi

deb=$(busybox_deb)
initramfs_dir="$cache_root/initramfs-$(basename "$deb" .deb | cut -d_ -f2 | tr '~+:' '---')-$(content_hash "$here/init" "$here/scmi-bench.c" "$0")"
[ -f "$initramfs_dir/initramfs.cpio.gz" ] || build_initramfs "$initramfs_dir" "$deb"

printf 'kernel=%s\ninitramfs=%s\n' "$kernel_dir/Image" "$initramfs_dir/initramfs.cpio.gz"
