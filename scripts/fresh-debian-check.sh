#!/usr/bin/env bash
# Checks the README's two commands on a fresh Debian machine that has Node and nothing else:
# a Debian bookworm chroot (debootstrap, minbase: what the official Debian container image holds),
# this machine's Node copied in, a clean clone of this checkout's HEAD and ../shared beside it.
# Inside, as root and with an empty environment, it runs `npm ci && npm start -- --headless`,
# checks the screenshots, then runs `npm test`, timing each, and prints the versions it used.
#
#   sudo scripts/fresh-debian-check.sh [DIR]     # DIR defaults to a new folder under /tmp
#
# Needs root, debootstrap, git and mount, Node 20 or newer on the PATH, and the network
# (deb.debian.org, registry.npmjs.org). DIR/root is reused when it already holds a Debian system,
# so a second run skips debootstrap; the project and the Node copy are always fresh. Logs go to
# DIR/*.log. Nothing is installed on this machine; the chroot's mounts are removed on exit.
# Not part of CI: it needs root and takes about half an hour. Steps and a run's numbers:
# docs/fresh-machine.md.
set -euo pipefail
# The whole script is one block, read before it runs: a checkout that changes this file mid-run
# (the run takes half an hour) cannot change what the run does.
{

project="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${1:-$(mktemp -d /tmp/standpoint-fresh.XXXXXX)}"
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"
root="$dir/root"
suite="${DEBIAN_SUITE:-bookworm}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"

if [[ $(id -u) -ne 0 ]]; then
  echo "Run this as root (it builds and enters a chroot): sudo $0 $*" >&2
  exit 1
fi
for tool in debootstrap git mount chroot node; do
  command -v "$tool" >/dev/null || {
    echo "$tool is missing on this machine." >&2
    exit 1
  }
done
if ! node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)'; then
  echo "Node $(node --version) is too old: the project needs 20 or newer." >&2
  exit 1
fi
if [[ ! -d "$project/../shared/seed-documents" ]]; then
  echo "../shared (seed documents, corpus, GUIDE.md) is not beside the project." >&2
  exit 1
fi

mounted=()
cleanup() {
  local i
  # Lazily when busy: a process killed with the run may still hold /dev for a moment.
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
    umount "${mounted[i]}" 2>/dev/null || umount --lazy "${mounted[i]}" 2>/dev/null || true
  done
}
trap cleanup EXIT
mount_in() { # mount_in <target below root> <mount arguments...>
  local target="$root/$1"
  shift
  mkdir -p "$target"
  mount "$@" "$target"
  mounted+=("$target")
}

# --- a fresh Debian -------------------------------------------------------------------------------
if [[ ! -f "$root/etc/debian_version" ]]; then
  echo "==> debootstrap --variant=minbase $suite (a few minutes)"
  start=$SECONDS
  debootstrap --variant=minbase "$suite" "$root" "$mirror" >"$dir/debootstrap.log" 2>&1 || {
    tail -n 20 "$dir/debootstrap.log" >&2
    exit 1
  }
  echo "    $((SECONDS - start)) s"
fi
# What a Debian container image has and a bare debootstrap lacks: the updates and security
# suites (Firefox ESR and Chromium updates come from there) and a localhost entry.
cat >"$root/etc/apt/sources.list" <<EOF
deb $mirror $suite main
deb $mirror $suite-updates main
deb http://deb.debian.org/debian-security $suite-security main
EOF
printf '127.0.0.1 localhost\n::1 localhost ip6-localhost ip6-loopback\n' >"$root/etc/hosts"
cp /etc/resolv.conf "$root/etc/resolv.conf"

# --- Node, copied from this machine (the binary and its npm) --------------------------------------
node_bin="$(readlink -f "$(command -v node)")"
node_prefix="$(dirname "$(dirname "$node_bin")")"
if [[ ! -d "$node_prefix/lib/node_modules/npm" ]]; then
  echo "No npm beside $node_bin (looked in $node_prefix/lib/node_modules/npm)." >&2
  exit 1
fi
rm -rf "$root/usr/local/bin/node" "$root/usr/local/lib/node_modules/npm"
mkdir -p "$root/usr/local/bin" "$root/usr/local/lib/node_modules"
cp "$node_bin" "$root/usr/local/bin/node"
cp -a "$node_prefix/lib/node_modules/npm" "$root/usr/local/lib/node_modules/npm"
ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$root/usr/local/bin/npm"
ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$root/usr/local/bin/npx"

# --- a clean clone, and ../shared beside it -------------------------------------------------------
rm -rf "$root/src"
mkdir -p "$root/src"
git clone --quiet "$project" "$root/src/standpoint"
cp -a "$project/../shared" "$root/src/shared"
echo "==> clone of $(git -C "$root/src/standpoint" log -1 --format='%h %s')"

# --- what Chromium and Firefox need of the kernel -------------------------------------------------
mount_in proc -t proc proc
mount_in sys -t sysfs sys
mount_in dev --bind /dev
mount_in dev/shm -t tmpfs -o mode=1777 shm

# The environment inside: nothing of this machine's but a proxy or a TLS authority, if it has one.
inside_env=(HOME=/root PATH=/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin TERM=dumb)
for var in http_proxy https_proxy no_proxy HTTP_PROXY HTTPS_PROXY NO_PROXY; do
  [[ -n "${!var:-}" ]] && inside_env+=("$var=${!var}")
done
if [[ -n "${NODE_EXTRA_CA_CERTS:-}" && -f "$NODE_EXTRA_CA_CERTS" ]]; then
  cp "$NODE_EXTRA_CA_CERTS" "$root/usr/local/share/extra-ca.crt"
  inside_env+=(NODE_EXTRA_CA_CERTS=/usr/local/share/extra-ca.crt)
fi
browsers() { # the browser packages installed inside so far
  echo "    browsers: $(chroot "$root" dpkg-query -W -f '${db:Status-Abbrev} ${Package} ${Version}\n' \
    chromium chromium-l10n firefox-esr 2>/dev/null | awk '$1 == "ii" { printf "%s %s; ", $2, $3 }')"
}
inside() { # inside <log name> <shell command>: runs it in the clone as root, timed
  local log="$dir/$1.log" start=$SECONDS status=0
  echo "==> $2   (log: $log)"
  chroot "$root" env -i "${inside_env[@]}" bash -c "cd /src/standpoint && $2" >"$log" 2>&1 ||
    status=$?
  echo "    exit $status after $((SECONDS - start)) s"
  return "$status"
}

echo "==> inside: Debian $(cat "$root/etc/debian_version"), node $(chroot "$root" /usr/local/bin/node --version)," \
  "npm $(chroot "$root" env -i "${inside_env[@]}" npm --version)"
if chroot "$root" sh -c 'command -v chromium || command -v firefox-esr' >/dev/null; then
  echo "note: this chroot already has a browser; a first run on a new DIR starts without one."
fi

# The README's first command, `npm ci && npm start -- --headless`, in two timed parts.
inside npm-ci 'npm ci' || {
  tail -n 30 "$dir/npm-ci.log" >&2
  exit 1
}
inside start 'npm start -- --headless' || {
  tail -n 30 "$dir/start.log" >&2
  exit 1
}
for shot in page card popup compare; do
  [[ -s "$root/src/standpoint/demo-output/$shot.png" ]] || {
    echo "demo-output/$shot.png was not written." >&2
    exit 1
  }
done
echo "    screenshots: $(cd "$root/src/standpoint/demo-output" && echo *.png)"
grep -h 'names highlighted' "$dir/start.log" || true
browsers

status=0
inside test 'npm test' || status=$?
sed -e 's/\x1b\[[0-9;]*m//g' "$dir/test.log" | grep -E '^ *(Test Files|Tests) ' || true
browsers
exit "$status"
}
