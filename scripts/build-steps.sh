#!/bin/sh
# The steps of `npm run build`, each in a process of its own that has ended before the next starts: `astro build`
# (the pages), the link check (scripts/check-links.ts, handed the run by src/integrations/link-checker/), the
# search index (scripts/index-site.ts). scripts/build.mjs sets the environment, then becomes this shell (exec):
# no Node process waits beside the steps, whose peak memory is the build's (~50 MB less than a Node parent).
# Arguments go to `astro build`.
set -u
node=$ICP_BUILD_NODE
scripts=$(dirname "$0")

# shellcheck disable=SC2086 # the V8 flags are words
"$node" $ICP_BUILD_V8_FLAGS "$ICP_BUILD_ASTRO" build "$@"
status=$?
if [ "$status" -eq 0 ] && [ -f "$ICP_LINK_CHECK_AFTER" ]; then
  "$node" "$scripts/check-links.ts" "$ICP_LINK_CHECK_AFTER"
  status=$?
fi
rm -f "$ICP_LINK_CHECK_AFTER"
[ "$status" -eq 0 ] || exit "$status"

# Pagefind's allocator (jemalloc) returns what it frees while building the index at once, not after ten seconds,
# by which time the index build has peaked.
_RJEM_MALLOC_CONF=${_RJEM_MALLOC_CONF:-dirty_decay_ms:0,muzzy_decay_ms:0} exec "$node" "$scripts/index-site.ts" "$ICP_BUILD_OUT_DIR"
