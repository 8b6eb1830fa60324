package io.switchover.production;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a PostgreSQL client sent, read from the bytes of one connection: the start-up packet's parameters and the SQL
 * of every simple query ({@code Q}) and every parse ({@code P}) message, in order.
 */
record PostgresFrontend(Map<String, String> startup, List<String> statements) {
    private static final int SSL_REQUEST = 80877103;
    private static final int GSS_REQUEST = 80877104;
    private static final int PROTOCOL_3 = 196608;

    static PostgresFrontend read(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        Map<String, String> startup = new LinkedHashMap<>();
        while (startup.isEmpty() && in.remaining() >= 8) {
            int length = in.getInt();
            int code = in.getInt();
            if (code == SSL_REQUEST || code == GSS_REQUEST) {
                continue;
            }
            if (code != PROTOCOL_3) {
                throw new IllegalStateException("not a PostgreSQL start-up packet: " + code);
            }
            byte[] body = new byte[length - 8];
            in.get(body);
            String[] parts = new String(body, StandardCharsets.UTF_8).split("\0");
            for (int i = 0; i + 1 < parts.length; i += 2) {
                startup.put(parts[i], parts[i + 1]);
            }
        }
        List<String> statements = new ArrayList<>();
        while (in.remaining() >= 5) {
            char type = (char) in.get();
            int length = in.getInt();
            byte[] body = new byte[length - 4];
            in.get(body);
            String text = new String(body, StandardCharsets.UTF_8);
            if (type == 'Q') {
                statements.add(text.substring(0, text.indexOf('\0')));
            } else if (type == 'P') {
                int nameEnd = text.indexOf('\0');
                statements.add(text.substring(nameEnd + 1, text.indexOf('\0', nameEnd + 1)));
            }
        }
        return new PostgresFrontend(startup, statements);
    }
}
