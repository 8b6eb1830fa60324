package io.switchover.snapshot;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The text of a file. Files are UTF-8; one that is not is read as ISO-8859-1, which every byte sequence is, rather
 * than lost: Java sources in Latin-1 are common in older code bases and their SQL is ASCII. The note says so.
 *
 * @param note for the report, when the text was not read as UTF-8
 */
public record FileText(String text, Optional<String> note) {

    /** @param path how the note names the file */
    public static FileText decode(String path, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        // A replacement character is what malformed input decodes to; only then is the strict (slower) check needed.
        if (text.indexOf('\uFFFD') < 0 || isUtf8(bytes)) {
            return new FileText(text, Optional.empty());
        }
        return new FileText(new String(bytes, StandardCharsets.ISO_8859_1),
                Optional.of(path + " is not valid UTF-8; it is read as ISO-8859-1 (Latin-1)"));
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
