#!/usr/bin/env bash
# Seeds a multi-platform Go toolchain image for benchmark P2 (cross-compiling vs building under QEMU):
#   127.0.0.1:5000/lab-extra/golang:1.19  = the lab's golang:1.19 (amd64) + the same Go 1.19 for linux/arm64.
#
# `LAB_EXTRA_ARM64=1 up.sh` seeds arm64 language images only on a fresh lab (it skips a tag that already exists), and
# builds them by running Debian's installer under emulation. This takes Debian bookworm's golang-1.19 packages for
# arm64 (the same version the lab's amd64 image has) and lays them on the lab's arm64 debian:bookworm-slim: no
# emulation, about a minute. The lab's own golang:1.19 is left as it is.
#
# Needs root (apt, dpkg) and the lab (bash ../shared/lab/up.sh). Idempotent.
set -euo pipefail
REG=${LAB_REGISTRY:-127.0.0.1:5000}
TARGET=$REG/lab-extra/golang:1.19

if docker buildx imagetools inspect "$TARGET" 2>/dev/null | grep -q 'linux/arm64' \
   && docker run --rm --pull always --platform linux/arm64 "$TARGET" test -s /etc/ssl/certs/ca-certificates.crt 2>/dev/null; then
  echo "$TARGET already has linux/arm64"; exit 0
fi
[[ $(id -u) == 0 ]] || { echo "run as root (apt-get download, dpkg)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
if ! dpkg --print-foreign-architectures | grep -qx arm64; then dpkg --add-architecture arm64; apt-get update -qq; fi
apt-get download -qq golang-1.19-go:arm64 golang-1.19-src >/dev/null 2>&1 || { apt-get update -qq; apt-get download -qq golang-1.19-go:arm64 golang-1.19-src; }
mkdir rootfs
for deb in ./*.deb; do dpkg-deb -x "$deb" rootfs; done
rm -rf rootfs/usr/share/doc rootfs/usr/share/man

# The CA bundle is plain text: take the amd64 image's (the arm64 ca-certificates package would need its postinst run).
cat > Dockerfile <<DOCKERFILE
FROM --platform=linux/amd64 $REG/library/golang:1.19 AS certs
FROM debian:bookworm-slim
COPY --from=certs /etc/ssl/certs/ /etc/ssl/certs/
COPY rootfs/usr/ /usr/
ENV GOPATH=/go PATH=/go/bin:/usr/lib/go-1.19/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
WORKDIR /go
CMD ["bash"]
DOCKERFILE

docker buildx build --quiet --platform linux/arm64 --provenance=false -t "$REG/lab-extra/golang:1.19-arm64" --push . >/dev/null
docker buildx imagetools create -t "$TARGET" "$REG/library/golang:1.19" "$REG/lab-extra/golang:1.19-arm64" >/dev/null
# --pull always: the engine keeps an older copy of the tag otherwise, and the docker driver builds FROM the local copy.
docker run --rm --pull always --platform linux/arm64 "$TARGET" go version >/dev/null
echo "seeded $TARGET (linux/amd64, linux/arm64)"
