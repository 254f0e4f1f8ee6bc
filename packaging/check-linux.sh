#!/usr/bin/env bash
# CI check of the Linux installers: builds the app image, the .deb and the .rpm with
# `mvn -Pinstaller package`, then checks that
#   - the packaged launcher starts without Maven: --version, --help, and, once the
#     command line has it, a headless `inspect` of a small zip;
#   - the window opens from the app image (under Xvfb);
#   - the .deb's metadata: name, version, dependencies, launcher, icon, desktop entry
#     (desktop-file-validate), AppStream metadata (appstreamcli), maintainer scripts;
#   - the .rpm's metadata, files and scripts;
#   - as root with CI=true (or LAYER_STUDIO_INSTALL_TEST=1): the .deb installs, puts
#     layer-studio on PATH, makes its class-data-sharing archive, which the JVM then
#     uses, opens the window, and removes cleanly.
# Installs what it needs with apt-get when run as root. Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

log() { printf '\n== %s\n' "$*"; }
passed=0 failed=0
ok() { passed=$((passed + 1)); printf '  ok    %s\n' "$1"; }
bad() { failed=$((failed + 1)); printf '  FAIL  %s\n' "$1"; [ $# -lt 2 ] || printf '%s\n' "$2" | sed 's/^/        /' | head -20; }
check() { # check DESCRIPTION COMMAND...: passes when the command succeeds
  local desc=$1; shift
  local out
  if out=$("$@" 2>&1); then ok "$desc"; else bad "$desc" "$out"; fi
}

# --- tools -------------------------------------------------------------------------
export DEBIAN_FRONTEND=noninteractive
apt_updated=0
need() { # need COMMAND PACKAGE...
  command -v "$1" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" != 0 ]; then echo "check-linux: $1 is missing (apt-get install ${*:2})" >&2; exit 2; fi
  if [ $apt_updated = 0 ]; then apt-get update -qq; apt_updated=1; fi
  apt-get install -y -qq "${@:2}" >/dev/null
}
need java openjdk-17-jdk-headless
need jpackage openjdk-17-jdk-headless
need mvn maven
need python3 python3
need fakeroot fakeroot
need rpmbuild rpm
need Xvfb xvfb
need xwininfo x11-utils
need desktop-file-validate desktop-file-utils
need appstreamcli appstream
# The window needs GTK 3 (JavaFX's glass), for the CDS training run of the build too.
if ! ldconfig -p | grep -q 'libgtk-3\.so\.0'; then need gtk-missing libgtk-3-0 libgl1 libxxf86vm1; fi

# --- a display for the window: ours, on a free number -------------------------------
xvfb_pid=
installed=
cleanup() {
  if [ -n "$installed" ]; then apt-get purge -y -qq layer-studio >/dev/null 2>&1 || true; fi
  if [ -n "$xvfb_pid" ]; then kill "$xvfb_pid" 2>/dev/null || true; fi
}
trap cleanup EXIT
for n in 91 92 93 94 95 96 97; do
  if [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ]; then
    Xvfb ":$n" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
    xvfb_pid=$!
    export DISPLAY=":$n"
    break
  fi
done
if [ -z "$xvfb_pid" ]; then echo "check-linux: no free X display number for Xvfb" >&2; exit 2; fi
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${DISPLAY#:}" ] && break; sleep 0.1; done

# wait_for_window SECONDS: true once a "Layer Studio" window is mapped on $DISPLAY
wait_for_window() {
  for _ in $(seq $(($1 * 4))); do
    xwininfo -root -tree 2>/dev/null | grep -q '"Layer Studio"' && return 0
    sleep 0.25
  done
  return 1
}
# opens_window LAUNCHER: starts it with no arguments, waits for the window, closes it
opens_window() {
  "$1" >"$work/window.log" 2>&1 &
  local pid=$!
  local shown=1
  wait_for_window 90 && shown=0
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  [ $shown = 0 ] || { cat "$work/window.log"; return 1; }
}

# --- build ---------------------------------------------------------------------------
out=target/installer
work=$(mktemp -d)
log "mvn -Pinstaller package (display $DISPLAY)"
if ! mvn -B -ntp -Pinstaller -DskipTests -Dinstaller.types=deb,rpm package >"$work/mvn.log" 2>&1; then
  tail -60 "$work/mvn.log"
  echo "check-linux: the installer build failed"
  exit 1
fi
grep -F '[echo]' "$work/mvn.log" | sed 's/^\[INFO\] *//'

project_version=$(sed -n 's/^version=//p' target/classes/dev/layerstudio/version.properties)
version=${project_version%%-*}
deb="$out/layer-studio_${version}-1_amd64.deb"
rpm="$out/layer-studio-${version}-1.x86_64.rpm"
image="$out/image/layer-studio"
launcher="$image/bin/layer-studio"

# --- the app image ------------------------------------------------------------------
log "app image"
check "launcher exists" test -x "$launcher"
check "bundled runtime is trimmed (no jdk.compiler, no jdk.jshell)" \
  bash -c "! '$image/lib/runtime/bin/java' --list-modules | grep -qE '^(jdk\.compiler|jdk\.jshell)@'"
check "bundled runtime has jdk.httpserver (the local sandbox's front)" \
  bash -c "'$image/lib/runtime/bin/java' --list-modules | grep -q '^jdk\.httpserver@'"
check "bundled runtime has TLS elliptic curves (jdk.crypto.ec)" \
  bash -c "'$image/lib/runtime/bin/java' --list-modules | grep -q '^jdk.crypto.ec@'"
check "bundled runtime has its CDS archive" test -s "$image/lib/runtime/lib/server/classes.jsa"
check "launcher starts the JVM with the first JIT tier only (packaging/jpackage.args)" \
  grep -qx 'java-options=-XX:TieredStopAtLevel=1' "$image/lib/app/layer-studio.cfg"
check "class list for the install-time CDS archive (window + command line)" \
  bash -c "grep -q '^javafx/stage/Stage$' '$image/lib/app/layer-studio.classlist' && grep -q '^dev/layerstudio/cli/Cli$' '$image/lib/app/layer-studio.classlist'"

check "command line (bin/layer-studio-cli): the launcher's JVM options, each argument whole" bash -c "
  test \"\$('$image/bin/layer-studio-cli' --version)\" = 'Layer Studio $project_version' &&
  '$image/bin/layer-studio-cli' inspect --json '$work/no such/a b.zip' 2>&1 | grep -qF '$work/no such/a b.zip does not exist' &&
  JAVA_TOOL_OPTIONS=-XX:+PrintCommandLineFlags '$image/bin/layer-studio-cli' --version 2>&1 | grep -q 'TieredStopAtLevel=1'"
v_out=$("$launcher" --version 2>&1); v_rc=$?
if [ $v_rc = 0 ] && [ "$v_out" = "Layer Studio $project_version" ]; then ok "--version prints 'Layer Studio $project_version', nothing else"
else bad "--version (exit $v_rc)" "$v_out"; fi

help_out=$("$launcher" --help 2>&1); help_rc=$?
if [ $help_rc = 0 ] && grep -q 'Usage: layer-studio' <<<"$help_out"; then ok "--help prints the usage"
else bad "--help (exit $help_rc)" "$help_out"; fi

# The sub-commands are the first words of the lines under "Commands:".
commands=$(awk '/^Commands:/ {c = 1; next} c && /^  [a-z]/ {sub(/,$/, "", $1); print $1}' <<<"$help_out")
if grep -qx inspect <<<"$commands"; then
  python3 - "$work/small-layer.zip" <<'EOF'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("python/hello.py", "def handler(event, context):\n    return 'hello'\n")
    z.writestr("python/tiny/__init__.py", "VERSION = '1.0'\n")
EOF
  check "headless inspect of a small zip" "$launcher" inspect "$work/small-layer.zip"
  check "headless --json inspect prints one JSON document" \
    bash -c "'$launcher' --json inspect '$work/small-layer.zip' | python3 -c 'import json,sys; json.load(sys.stdin)'"
else
  echo "  (skip) inspect: --help lists no inspect command yet"
fi

check "no arguments opens the window" opens_window "$launcher"

# --- the .deb -----------------------------------------------------------------------
log "deb: $deb"
check ".deb was built" test -s "$deb"
field() { dpkg-deb -f "$deb" "$1" 2>/dev/null; }
check "Package: layer-studio" test "$(field Package)" = layer-studio
check "Version: $version-1" test "$(field Version)" = "$version-1"
check "Architecture: amd64" test "$(field Architecture)" = amd64
check "Depends: GTK 3 and xdg-utils" bash -c "grep -q 'libgtk-3-0' <<<'$(field Depends)' && grep -q 'xdg-utils' <<<'$(field Depends)'"
check "Description set" test -n "$(field Description)"
contents=$(dpkg-deb -c "$deb" | awk '{print $6}')
for f in ./opt/layer-studio/bin/layer-studio \
         ./opt/layer-studio/bin/layer-studio-cli \
         ./opt/layer-studio/lib/app/layer-studio.jar \
         ./opt/layer-studio/lib/app/layer-studio.classlist \
         ./opt/layer-studio/lib/app/dev.layerstudio.LayerStudio.metainfo.xml \
         ./opt/layer-studio/lib/layer-studio.png \
         ./opt/layer-studio/lib/layer-studio-layer-studio.desktop \
         ./opt/layer-studio/lib/runtime/lib/server/classes.jsa; do
  check "contains ${f#./}" grep -qxF "$f" <<<"$contents"
done
check "ships no CDS archive of its own (postinst makes it)" bash -c "! grep -q 'layer-studio.jsa' <<<'$contents'"
root="$work/deb-root"
dpkg-deb -x "$deb" "$root"
check "icon is a 256x256 PNG" python3 - "$root/opt/layer-studio/lib/layer-studio.png" <<'EOF'
import struct, sys
data = open(sys.argv[1], "rb").read(24)
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
assert struct.unpack(">II", data[16:24]) == (256, 256), struct.unpack(">II", data[16:24])
EOF
desktop="$root/opt/layer-studio/lib/layer-studio-layer-studio.desktop"
check "desktop entry is valid (desktop-file-validate)" desktop-file-validate "$desktop"
check "desktop entry: Name, Exec, Icon, StartupWMClass" bash -c "
  grep -qx 'Name=Layer Studio' '$desktop' &&
  grep -qx 'Exec=/opt/layer-studio/bin/layer-studio' '$desktop' &&
  grep -qx 'Icon=/opt/layer-studio/lib/layer-studio.png' '$desktop' &&
  grep -qx 'StartupWMClass=dev.layerstudio.ui.LayerStudioApp' '$desktop'"
check "AppStream metadata is valid (appstreamcli validate)" \
  appstreamcli validate --no-net "$root/opt/layer-studio/lib/app/dev.layerstudio.LayerStudio.metainfo.xml"
check "AppStream release is $version" \
  grep -q "<release version=\"$version\"" "$root/opt/layer-studio/lib/app/dev.layerstudio.LayerStudio.metainfo.xml"
check "launcher from the unpacked .deb: --version" \
  bash -c "test \"\$('$root/opt/layer-studio/bin/layer-studio' --version)\" = 'Layer Studio $project_version'"
check "command line from the unpacked .deb (bin/layer-studio-cli): --version" \
  bash -c "test \"\$('$root/opt/layer-studio/bin/layer-studio-cli' --version)\" = 'Layer Studio $project_version'"
scripts="$work/deb-control"
mkdir -p "$scripts" && dpkg-deb -e "$deb" "$scripts"
check "postinst registers the menu entry, links the command, makes the CDS archive" bash -c "
  grep -q 'xdg-desktop-menu install' '$scripts/postinst' && grep -q '/usr/bin/layer-studio' '$scripts/postinst' &&
  grep -q -- '-Xshare:dump' '$scripts/postinst'"
check "maintainer scripts parse (sh -n)" bash -c "sh -n '$scripts/postinst' && sh -n '$scripts/prerm'"

# --- the .rpm -----------------------------------------------------------------------
log "rpm: $rpm"
check ".rpm was built" test -s "$rpm"
rq() { rpm -qp "$@" "$rpm" 2>/dev/null; }
check "Name layer-studio, Version $version, Release 1" test "$(rq --qf '%{NAME} %{VERSION} %{RELEASE}')" = "layer-studio $version 1"
check "Requires GTK 3 and xdg-utils" bash -c "rpm -qpR '$rpm' 2>/dev/null | grep -q 'libgtk-3.so.0' && rpm -qpR '$rpm' 2>/dev/null | grep -qx 'xdg-utils'"
rpm_files=$(rq -l)
for f in /opt/layer-studio/bin/layer-studio /opt/layer-studio/bin/layer-studio-cli /opt/layer-studio/lib/layer-studio.png \
         /opt/layer-studio/lib/layer-studio-layer-studio.desktop /opt/layer-studio/lib/app/layer-studio.classlist; do
  check "contains $f" grep -qxF "$f" <<<"$rpm_files"
done
check "rpm scriptlets parse (sh -n)" bash -c "
  rpm -qp --qf '%{POSTIN}' '$rpm' 2>/dev/null | sh -n && rpm -qp --qf '%{PREUN}' '$rpm' 2>/dev/null | sh -n"
check "%post makes the CDS archive, %preun removes it only on uninstall" bash -c "
  rpm -qp --scripts '$rpm' 2>/dev/null | grep -q -- '-Xshare:dump' &&
  rpm -qp --scripts '$rpm' 2>/dev/null | grep -q 'if \[ \"\$1\" -eq 0 \]'"

# --- install for real ---------------------------------------------------------------
if [ "$(id -u)" = 0 ] && { [ "${CI:-}" = true ] || [ "${LAYER_STUDIO_INSTALL_TEST:-}" = 1 ]; }; then
  log "install the .deb"
  if apt-get install -y -qq --no-install-recommends "./$deb" >"$work/apt.log" 2>&1; then
    installed=1
    ok "apt-get install ./$(basename "$deb")"
  else
    bad "apt-get install" "$(tail -20 "$work/apt.log")"
  fi
  if [ -n "$installed" ]; then
    check "layer-studio on PATH is the command-line script" \
      test "$(readlink /usr/bin/layer-studio)" = /opt/layer-studio/bin/layer-studio-cli
    check "layer-studio on PATH prints its version" bash -c "test \"\$(layer-studio --version)\" = 'Layer Studio $project_version'"
    check "desktop entry registered" test -e /usr/share/applications/layer-studio-layer-studio.desktop
    check "AppStream metadata linked" test -e /usr/share/metainfo/dev.layerstudio.LayerStudio.metainfo.xml
    check "postinst made the CDS archive" test -s /opt/layer-studio/lib/app/layer-studio.jsa
    JAVA_TOOL_OPTIONS="-Xlog:class+load=info:file=$work/classload.txt" layer-studio --version >/dev/null 2>&1
    check "the JVM uses it: app classes come from the shared archive" \
      grep -q 'dev.layerstudio.cli.Cli source: shared objects file' "$work/classload.txt"
    check "installed app opens the window" opens_window /usr/bin/layer-studio
    if apt-get install -y -qq --reinstall "./$deb" >"$work/apt.log" 2>&1; then
      check "after a reinstall (prerm upgrade, postinst): command, menu entry and CDS archive are back" bash -c "
        test -x /usr/bin/layer-studio && test -e /usr/share/applications/layer-studio-layer-studio.desktop &&
        test -s /opt/layer-studio/lib/app/layer-studio.jsa"
    else
      bad "apt-get install --reinstall" "$(tail -20 "$work/apt.log")"
    fi
    if apt-get purge -y -qq layer-studio >"$work/apt.log" 2>&1; then
      installed=
      ok "apt-get purge layer-studio"
      check "removal leaves nothing behind" bash -c "
        test ! -e /opt/layer-studio && test ! -e /usr/bin/layer-studio && test ! -L /usr/bin/layer-studio &&
        test ! -e /usr/share/applications/layer-studio-layer-studio.desktop &&
        test ! -e /usr/share/metainfo/dev.layerstudio.LayerStudio.metainfo.xml"
    else
      bad "apt-get purge" "$(tail -20 "$work/apt.log")"
    fi
  fi
else
  echo "  (skip) installing the .deb: only as root with CI=true or LAYER_STUDIO_INSTALL_TEST=1"
fi

rm -rf "$work"
echo
echo "installers: $passed passed, $failed failed"
[ "$failed" = 0 ]
