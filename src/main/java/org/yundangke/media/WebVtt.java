package org.yundangke.media;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.yundangke.base.UserError;

/** Checks that a caption file is WebVTT the browser can show: UTF-8, the WEBVTT header, at least one timed cue. */
final class WebVtt {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private WebVtt() {
    }

    /** The file without a byte-order mark, or a {@link UserError} that says what is wrong with it. */
    static byte[] checked(byte[] file, int maxBytes) {
        if (file.length == 0) {
            throw new UserError("media.captions.empty");
        }
        if (file.length > maxBytes) {
            throw new UserError("media.captions.too-large", maxBytes / 1024 / 1024);
        }
        byte[] content = file.length >= 3 && Arrays.equals(Arrays.copyOf(file, 3), BOM)
                ? Arrays.copyOfRange(file, 3, file.length) : file;
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new UserError("media.captions.not-utf8");
        }
        boolean header = text.startsWith("WEBVTT") && (text.length() == 6 || " \t\r\n".indexOf(text.charAt(6)) >= 0);
        if (!header) {
            throw new UserError("media.captions.not-vtt");
        }
        if (!text.contains("-->")) {
            throw new UserError("media.captions.no-cues");
        }
        return content;
    }
}
