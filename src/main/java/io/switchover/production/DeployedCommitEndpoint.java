package io.switchover.production;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchover.ExitCode;
import io.switchover.SwitchoverException;
import io.switchover.migrations.JdbcUrls;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Asks a running service which commit it was built from. Accepts a bare commit id, or JSON with the commit somewhere
 * in it: Spring Boot's {@code /actuator/info} ({@code git.commit.id}) or fields such as {@code commit}, {@code sha},
 * {@code revision}.
 */
public final class DeployedCommitEndpoint {
    private static final Pattern SHA = Pattern.compile("[0-9a-fA-F]{7,40}");
    /** Jackson loads when an endpoint answers JSON, not with this class. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private final Duration timeout;
    /** Made at the first question: a client loads TLS and starts a thread, which a check without endpoints pays for. */
    private HttpClient client;

    /**
     * @param timeout how long to wait for the endpoint: to connect, and for its whole answer
     */
    public DeployedCommitEndpoint(Duration timeout) {
        this.timeout = timeout;
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL)
                    .build();
        }
        return client;
    }

    public String commitOf(String url, String service) {
        String shown = JdbcUrls.withoutSecrets(url);
        HttpResponse<String> response;
        CompletableFuture<HttpResponse<String>> exchange = null;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .header("Accept", "application/json, text/plain").GET().build();
            // The request's own timeout ends with the headers; the whole answer, body included, gets no longer.
            exchange = client().sendAsync(request, HttpResponse.BodyHandlers.ofString());
            response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IllegalArgumentException e) {
            throw SwitchoverException.badInput("the version endpoint of " + service + " (" + shown + ") is not a URL: "
                    + e.getMessage());
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw unanswered(service, shown, "no answer within " + timeout.toSeconds() + " s (--prod-timeout)");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw unanswered(service, shown, cause instanceof HttpTimeoutException
                    ? "no answer within " + timeout.toSeconds() + " s (--prod-timeout)"
                    : cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SwitchoverException(ExitCode.INFRASTRUCTURE, "interrupted while asking " + shown);
        }
        if (response.statusCode() / 100 != 2) {
            throw new SwitchoverException(ExitCode.INFRASTRUCTURE, "the version endpoint of " + service + " (" + shown
                    + ") answered HTTP " + response.statusCode());
        }
        return parse(response.body()).orElseThrow(() -> SwitchoverException.badInput("the version endpoint of "
                + service + " (" + shown + ") returned no git commit id; it should return the commit, as text or as"
                + " JSON (e.g. Spring Boot's git.commit.id)"));
    }

    private static SwitchoverException unanswered(String service, String url, String why) {
        return new SwitchoverException(ExitCode.INFRASTRUCTURE, "the version endpoint of " + service + " (" + url
                + ") does not answer: " + JdbcUrls.withoutSecrets(why.strip().split("\\R")[0]));
    }

    static Optional<String> parse(String body) {
        String trimmed = body.strip();
        if (SHA.matcher(trimmed).matches()) {
            return Optional.of(trimmed.toLowerCase(java.util.Locale.ROOT));
        }
        try {
            return find(Json.MAPPER.readTree(trimmed));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> find(JsonNode node) {
        if (node == null || !node.isContainerNode()) {
            return Optional.empty();
        }
        JsonNode commit = node.path("git").path("commit");
        if (commit.path("id").isTextual() && SHA.matcher(commit.path("id").asText()).matches()) {
            return Optional.of(commit.path("id").asText());
        }
        if (commit.path("id").path("full").isTextual()) {
            return Optional.of(commit.path("id").path("full").asText());
        }
        for (String key : new String[] {"commit", "sha", "revision", "gitCommit", "git_commit", "commitId"}) {
            JsonNode value = node.path(key);
            if (value.isTextual() && SHA.matcher(value.asText()).matches()) {
                return Optional.of(value.asText());
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator(); fields.hasNext(); ) {
            Optional<String> found = find(fields.next().getValue());
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
