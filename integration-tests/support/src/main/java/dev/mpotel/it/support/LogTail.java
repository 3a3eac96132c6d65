package dev.mpotel.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The end of a log file, for failure messages. */
final class LogTail {

    private static final int TAIL_BYTES = 8_000;

    private LogTail() {
    }

    /** The last few kilobytes of {@code file}, or a note saying why there are none. */
    static String of(Path file) {
        try {
            if (!Files.exists(file)) {
                return "(" + file + " does not exist)";
            }
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length == 0) {
                return "(" + file + " is empty)";
            }
            int from = Math.max(0, bytes.length - TAIL_BYTES);
            String text = new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
            return (from > 0 ? "[...]" : "") + text;
        } catch (IOException e) {
            return "(could not read " + file + ": " + e + ")";
        }
    }
}
