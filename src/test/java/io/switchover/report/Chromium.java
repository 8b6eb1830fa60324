package io.switchover.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's headless Chromium driven over the DevTools protocol with the JDK's own WebSocket client: one page, sized
 * as a screen of a given width, that evaluates JavaScript and takes full-page screenshots. Started with the flags
 * that keep it off the network; closed with its process.
 */
final class Chromium implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private final ObjectMapper json = new ObjectMapper();
    private final Process process;
    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    Chromium(Path binary, Path profile) throws IOException, InterruptedException {
        process = new ProcessBuilder(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--remote-debugging-port=0",
                "--user-data-dir=" + profile, "about:blank")).redirectErrorStream(true).start();
        String browser = null;
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String line;
        while (browser == null && System.nanoTime() < deadline && (line = output.readLine()) != null) {
            Matcher matcher = LISTENING.matcher(line);
            if (matcher.find()) {
                browser = matcher.group(1);
            }
        }
        if (browser == null) {
            process.destroyForcibly();
            throw new IOException("chromium did not open its DevTools port");
        }
        Thread drain = new Thread(() -> {
            try {
                while (output.readLine() != null) {
                    // Chromium's own log; read so that its pipe never fills
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        drain.setDaemon(true);
        drain.start();
        URI base = URI.create(browser.replaceFirst("^ws://", "http://").replaceFirst("/devtools/.*$", ""));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        JsonNode targets = json.readTree(http.send(HttpRequest.newBuilder(base.resolve("/json/list")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        String page = null;
        for (JsonNode target : targets) {
            if ("page".equals(target.path("type").asText())) {
                page = target.get("webSocketDebuggerUrl").asText();
                break;
            }
        }
        if (page == null) {
            close();
            throw new IOException("chromium opened no page");
        }
        socket = http.newWebSocketBuilder().buildAsync(URI.create(page), new Listener()).join();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder message = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
                try {
                    JsonNode node = json.readTree(message.toString());
                    CompletableFuture<JsonNode> waiting = node.has("id") ? pending.remove(node.get("id").asInt()) : null;
                    if (waiting != null) {
                        waiting.complete(node);
                    }
                } catch (IOException e) {
                    pending.values().forEach(f -> f.completeExceptionally(e));
                }
                message.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }

    JsonNode send(String method, Map<String, Object> params) throws IOException {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ObjectNode request = json.createObjectNode().put("id", id).put("method", method);
        request.set("params", json.valueToTree(params));
        socket.sendText(json.writeValueAsString(request), true).join();
        JsonNode node = answer.orTimeout(30, TimeUnit.SECONDS).join();
        if (node.has("error")) {
            throw new IOException(method + ": " + node.get("error"));
        }
        return node.get("result");
    }

    /** Opens the file as a screen of this width shows it, and waits until it is loaded. */
    void open(Path file, int width, int height) throws IOException, InterruptedException {
        send("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 1,
                "mobile", width < 600));
        send("Page.navigate", Map.of("url", file.toUri().toString()));
        for (int i = 0; i < 100 && !"complete".equals(evaluate("document.readyState").asText()); i++) {
            Thread.sleep(50);
        }
    }

    /** The value of a JavaScript expression (JSON-serialisable). */
    JsonNode evaluate(String expression) throws IOException {
        JsonNode result = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        if (result.has("exceptionDetails")) {
            throw new IOException("the page's script failed: " + result.get("exceptionDetails"));
        }
        return result.at("/result/value");
    }

    /** A screenshot of the whole page, as tall as its content, or of the first screen only. */
    void screenshot(Path png, int width, boolean fullPage) throws IOException {
        if (fullPage) {
            int height = (int) Math.ceil(send("Page.getLayoutMetrics", Map.of()).at("/cssContentSize/height").asDouble());
            send("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", Math.min(height, 16_000),
                    "deviceScaleFactor", 1, "mobile", width < 600));
        }
        String data = send("Page.captureScreenshot", Map.of("format", "png")).get("data").asText();
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.write(png, Base64.getDecoder().decode(data));
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.abort();
        }
        // Its renderer and GPU helpers write into the profile until they exit: wait for them too.
        List<ProcessHandle> helpers = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            for (ProcessHandle helper : helpers) {
                try {
                    helper.onExit().get(5, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    helper.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
