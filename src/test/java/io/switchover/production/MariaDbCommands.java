package io.switchover.production;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The commands a MariaDB client sent over one connection, read from its bytes: every packet that starts a command
 * (sequence number 0, after the login's packets), a {@code COM_QUERY} as its SQL, any other command by its number.
 */
final class MariaDbCommands {
    private static final int COM_QUIT = 0x01;
    private static final int COM_QUERY = 0x03;

    private MariaDbCommands() {
    }

    /** The SQL of each query and {@code command 0x..} for other commands; the final {@code COM_QUIT} is left out. */
    static List<String> read(byte[] bytes) {
        List<String> commands = new ArrayList<>();
        int at = 0;
        while (at + 4 <= bytes.length) {
            int length = (bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8 | (bytes[at + 2] & 0xff) << 16;
            int sequence = bytes[at + 3] & 0xff;
            int start = at + 4;
            at = start + length;
            if (sequence != 0 || length == 0 || at > bytes.length) {
                continue;
            }
            int command = bytes[start] & 0xff;
            if (command == COM_QUERY) {
                commands.add(new String(bytes, start + 1, length - 1, StandardCharsets.UTF_8));
            } else if (command != COM_QUIT) {
                commands.add(String.format("command 0x%02x", command));
            }
        }
        return commands;
    }
}
