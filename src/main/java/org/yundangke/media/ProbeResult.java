package org.yundangke.media;

/**
 * What ffprobe found in an accepted file. Width and height are as displayed, i.e. after the rotation a phone records.
 */
public record ProbeResult(MediaKind kind, double durationSeconds, int width, int height, int rotation,
                          double frameRate, boolean hasAudio, int audioChannels) {

    /** The short side of the picture: what "720p" means for landscape and portrait video alike. */
    public int shortSide() {
        return Math.min(width, height);
    }

    public boolean portrait() {
        return height > width;
    }
}
