#!/bin/sh
# Runs a command with MATOME_SOAK_SMALL_DIR set to a 4 MiB tmpfs of its own,
# for the full-disk soak: in a private mount namespace (a user namespace
# when not root), so nothing is mounted on the machine and nothing is left
# behind.
set -eu
dir=$(mktemp -d)
trap 'rmdir "$dir"' EXIT
# shellcheck disable=SC2016 # expanded by the inner shell
unshare -rm --propagation private sh -c '
  mount -t tmpfs -o size=4m matome-soak "$0"
  MATOME_SOAK_SMALL_DIR="$0" "$@"' "$dir" "$@"
