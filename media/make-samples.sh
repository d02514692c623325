#!/usr/bin/env bash
# Makes the short sample talks in this folder (committed; run again only to change them).
# Usage: media/make-samples.sh [path-to-ffmpeg]   (default: the ffmpeg the app extracted under data/javacpp)
set -euo pipefail
cd "$(dirname "$0")"
ffmpeg=${1:-$(find ../data/javacpp -name ffmpeg -type f | head -n 1)}
[ -x "$ffmpeg" ] || { echo "no ffmpeg: start the app once (it extracts one under data/javacpp) or pass a path"; exit 1; }
export LD_LIBRARY_PATH="$(dirname "$ffmpeg")${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
common=(-hide_banner -loglevel error -y)

# landscape talk, 8 s, 854x480, H.264 + AAC: the usual phone or camera video
"$ffmpeg" "${common[@]}" -f lavfi -i "testsrc2=duration=8:size=854x480:rate=25" \
  -f lavfi -i "sine=frequency=330:duration=8" -c:v libx264 -preset veryfast -crf 32 -pix_fmt yuv420p \
  -c:a aac -b:a 64k -shortest talk-landscape.mp4

# portrait phone talk, 6 s: stored as 640x360 with a 90° display rotation, the way phones record upright video
"$ffmpeg" "${common[@]}" -f lavfi -i "testsrc2=duration=6:size=640x360:rate=30" \
  -f lavfi -i "sine=frequency=440:duration=6" -c:v libx264 -preset veryfast -crf 32 -pix_fmt yuv420p \
  -c:a aac -b:a 64k -shortest -metadata:s:v:0 rotate=90 talk-portrait-tmp.mp4
"$ffmpeg" "${common[@]}" -display_rotation:v:0 90 -i talk-portrait-tmp.mp4 -c copy talk-portrait.mp4
rm -f talk-portrait-tmp.mp4

# audio-only talk, 10 s, AAC in M4A: a recorded lecture without video
"$ffmpeg" "${common[@]}" -f lavfi -i "sine=frequency=262:duration=10" -c:a aac -b:a 64k talk-audio.m4a

ls -l talk-*
