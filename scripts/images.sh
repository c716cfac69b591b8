#!/usr/bin/env bash
# Builds the gateway and chatbot images with podman, starts both and proves they answer: /health on
# each, then one chat turn through the gateway. Exits non-zero on any failure.
#
#   bash scripts/images.sh
#
# NODE_IMAGE=<image> skips the base selection; IMAGE_TAG (default dev), CHATBOT_PORT and GATEWAY_PORT
# (default: the first free of 5000/15000/25000 and 8080/18080/28080) override the rest. DATABASE_URL,
# when set, goes to the gateway; without it the gateway runs its embedded PGlite.
set -euo pipefail
cd "$(dirname "$0")/.."

DEFAULT_NODE_IMAGE=docker.io/library/node:20-bookworm-slim
LOCAL_NODE_IMAGE=localhost/node-base:20
TAG=${IMAGE_TAG:-dev}
GATEWAY_IMAGE=localhost/bookstore/gateway:$TAG
CHATBOT_IMAGE=localhost/bookstore/chatbot:$TAG
GREETING="Hello! I'm here to help. What can I assist you with today?"

log() { printf '[images] %s\n' "$*"; }
die() {
  printf '[images] FAILED: %s\n' "$*" >&2
  exit 1
}

command -v podman >/dev/null || die 'podman is not installed (apt-get install podman)'
command -v curl >/dev/null || die 'curl is not installed'

# runc when it is there (podman's default elsewhere is crun); PODMAN_RUNTIME overrides.
runtime=${PODMAN_RUNTIME:-}
if [ -z "$runtime" ] && command -v runc >/dev/null; then runtime=runc; fi
runtime_args=()
if [ -n "$runtime" ]; then runtime_args=(--runtime "$runtime"); fi

# A container may not raise a limit above this shell's hard limit, and podman's defaults can be higher.
capped() { if [ "$1" = unlimited ] || [ "$1" -gt "$2" ]; then echo "$2"; else echo "$1"; fi; }
nofile=$(capped "$(ulimit -Hn)" 65536)
nproc=$(capped "$(ulimit -Hu)" 4096)
ulimit_args=(--ulimit "nofile=$nofile:$nofile" --ulimit "nproc=$nproc:$nproc")

# 1. The Node base: the official image when a registry answers, else a local one (built once).
if [ -n "${NODE_IMAGE:-}" ]; then
  log "base image $NODE_IMAGE (NODE_IMAGE)"
elif podman image exists "$DEFAULT_NODE_IMAGE"; then
  NODE_IMAGE=$DEFAULT_NODE_IMAGE
  log "base image $NODE_IMAGE (already pulled)"
elif pull_error=$(timeout 120 podman pull --quiet "$DEFAULT_NODE_IMAGE" 2>&1 >/dev/null); then
  NODE_IMAGE=$DEFAULT_NODE_IMAGE
  log "base image $NODE_IMAGE (pulled)"
else
  log "cannot pull $DEFAULT_NODE_IMAGE: $(printf '%s' "$pull_error" | tail -n 1)"
  if podman image exists "$LOCAL_NODE_IMAGE"; then
    log "base image $LOCAL_NODE_IMAGE (built earlier)"
  else
    log "building $LOCAL_NODE_IMAGE (debootstrap + Node from the npm registry; a few minutes)"
    bash scripts/images/node-base.sh "$LOCAL_NODE_IMAGE"
  fi
  NODE_IMAGE=$LOCAL_NODE_IMAGE
fi

# 2. Both images. chroot isolation shares the host's network, which `npm ci` needs.
build() {
  local app=$1 image=$2 started=$SECONDS
  log "building $image from Dockerfile.$app"
  podman build --isolation chroot "${ulimit_args[@]}" --build-arg "NODE_IMAGE=$NODE_IMAGE" \
    -f "Dockerfile.$app" -t "$image" . || die "build of $image"
  log "built $image in $((SECONDS - started)) s"
}
build chatbot "$CHATBOT_IMAGE"
build gateway "$GATEWAY_IMAGE"

# 3. Run them as the cluster does: non-root, read-only root, no capabilities; on loopback only.
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
pick_port() {
  local p
  for p in "$@"; do if port_free "$p"; then echo "$p" && return; fi; done
  die "no free port among $*"
}
CHATBOT_PORT=${CHATBOT_PORT:-$(pick_port 5000 15000 25000)}
GATEWAY_PORT=${GATEWAY_PORT:-$(pick_port 8080 18080 28080)}

chatbot_ctr=bookstore-chatbot-$$
gateway_ctr=bookstore-gateway-$$
cleanup() {
  podman rm --force --time 5 "$gateway_ctr" "$chatbot_ctr" >/dev/null 2>&1 || true
}
trap cleanup EXIT

# The images run with NODE_ENV=production, which requires the apps' shared secret.
internal_token="smoke-test-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
run_args=("${runtime_args[@]}" --network host "${ulimit_args[@]}" --detach
  --read-only --tmpfs /tmp --cap-drop ALL --security-opt no-new-privileges)
log "starting $CHATBOT_IMAGE on 127.0.0.1:$CHATBOT_PORT"
podman run "${run_args[@]}" --name "$chatbot_ctr" \
  -e HOST=127.0.0.1 -e PORT="$CHATBOT_PORT" -e LLM_BACKEND=none -e SHUTDOWN_GRACE_MS=10000 \
  -e INTERNAL_API_TOKEN="$internal_token" \
  "$CHATBOT_IMAGE" >/dev/null || die "podman run $CHATBOT_IMAGE"
log "starting $GATEWAY_IMAGE on 127.0.0.1:$GATEWAY_PORT"
podman run "${run_args[@]}" --name "$gateway_ctr" \
  -e HOST=127.0.0.1 -e PORT="$GATEWAY_PORT" -e CHAT_SERVICE_URL="http://127.0.0.1:$CHATBOT_PORT" \
  -e SHUTDOWN_GRACE_MS=10000 ${DATABASE_URL:+-e "DATABASE_URL=$DATABASE_URL"} \
  -e INTERNAL_API_TOKEN="$internal_token" \
  "$GATEWAY_IMAGE" >/dev/null || die "podman run $GATEWAY_IMAGE"

wait_healthy() {
  local ctr=$1 url=$2 started=$SECONDS
  until curl -fsS -o /dev/null --max-time 2 "$url"; do
    if [ "$(podman inspect --format '{{.State.Running}}' "$ctr")" != true ]; then
      podman logs "$ctr" >&2 || true
      die "$ctr exited before $url answered"
    fi
    if [ $((SECONDS - started)) -ge 60 ]; then
      podman logs "$ctr" >&2 || true
      die "$url did not answer within 60 s"
    fi
    sleep 0.5
  done
  log "$url answered after $((SECONDS - started)) s"
}
wait_healthy "$chatbot_ctr" "http://127.0.0.1:$CHATBOT_PORT/health"
wait_healthy "$gateway_ctr" "http://127.0.0.1:$GATEWAY_PORT/health"

# 4. One chat turn: browser -> gateway -> chatbot -> gateway.
reply=$(curl -sS --max-time 10 -X POST "http://127.0.0.1:$GATEWAY_PORT/api/chat" \
  -H 'content-type: application/json' -d '{"message":"Hello"}') || die 'POST /api/chat'
log "POST /api/chat {\"message\":\"Hello\"} -> $reply"
# The canned greeting, byte for byte (JSON escapes none of its characters).
printf '%s' "$reply" | grep -qF "\"response\":\"$GREETING\"" ||
  die "expected the response \"$GREETING\""
for ctr_port in "$chatbot_ctr:$CHATBOT_PORT" "$gateway_ctr:$GATEWAY_PORT"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:${ctr_port#*:}/health/ready")
  log "${ctr_port%%:*} /health/ready -> $code"
done

# 5. Sizes, memory, and a graceful stop.
for pair in "$CHATBOT_IMAGE:$chatbot_ctr" "$GATEWAY_IMAGE:$gateway_ctr"; do
  image=${pair%:*} ctr=${pair##*:}
  size=$(podman image inspect --format '{{.Size}}' "$image")
  # The container's memory as its cgroup counts it, which is what a Kubernetes limit applies to.
  mem=$(podman stats --no-stream --format '{{.MemUsage}}' "$ctr" 2>/dev/null | cut -d/ -f1 || true)
  log "$image: $size bytes ($((size / 1000000)) MB); memory after one chat turn: ${mem:-unknown}"
done
for ctr in "$gateway_ctr" "$chatbot_ctr"; do
  started=$SECONDS
  podman stop --time 20 "$ctr" >/dev/null
  log "$ctr stopped on SIGTERM in $((SECONDS - started)) s, exit code $(podman inspect --format '{{.State.ExitCode}}' "$ctr")"
done
log "OK: both images build, start, and answer"
