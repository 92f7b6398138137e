package org.guitai.terminal.counter.api;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.guitai.platform.problem.InvalidRequestException;

/**
 * A path below the store's {@code /api/}, as the client wrote it (percent-encoding untouched), that
 * names a resource there and nothing else: every segment, once decoded, is non-empty, neither
 * {@code .} nor {@code ..}, valid UTF-8, and holds no slash, backslash or control character, so no
 * server on the way can read it as a different path than the terminal did.
 */
record StorePath(List<String> rawSegments) {

    StorePath {
        rawSegments = List.copyOf(rawSegments);
    }

    /** @throws InvalidRequestException naming the path when one of its segments is refused */
    static StorePath parse(String rawPath) {
        List<String> segments = List.of(rawPath.split("/", -1));
        for (String segment : segments) {
            if (decode(segment).filter(StorePath::namesOneResource).isEmpty()) {
                throw new InvalidRequestException("the store path '" + rawPath + "' has an empty, '.', '..' or malformed segment ("
                        + "'" + segment + "'): name a store resource below /api/store/");
            }
        }
        return new StorePath(segments);
    }

    /** The path as the client sent it, for appending to the store's {@code /api}. */
    String raw() {
        return String.join("/", rawSegments);
    }

    private static boolean namesOneResource(String segment) {
        return !segment.isEmpty() && !segment.equals(".") && !segment.equals("..")
                && segment.chars().noneMatch(c -> c == '/' || c == '\\' || c < 0x20 || c == 0x7f);
    }

    /** Percent-decoding of a path segment ({@code +} stays a plus); empty when the escapes or the UTF-8 are broken. */
    static Optional<String> decode(String segment) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                if (i + 2 >= segment.length()) {
                    return Optional.empty();
                }
                int high = Character.digit(segment.charAt(i + 1), 16);
                int low = Character.digit(segment.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return Optional.empty();
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isSurrogate(c)) {
                    if (!Character.isHighSurrogate(c) || i + 1 >= segment.length() || !Character.isLowSurrogate(segment.charAt(i + 1))) {
                        return Optional.empty();
                    }
                    utf8 = segment.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(utf8);
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
