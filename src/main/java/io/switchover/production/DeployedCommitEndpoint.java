package io.switchover.production;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchover.ExitCode;
import io.switchover.SwitchoverException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Asks a running service which commit it was built from. Accepts a bare commit id, or JSON with the commit somewhere
 * in it: Spring Boot's {@code /actuator/info} ({@code git.commit.id}) or fields such as {@code commit}, {@code sha},
 * {@code revision}.
 */
public final class DeployedCommitEndpoint {
    private static final Pattern SHA = Pattern.compile("[0-9a-fA-F]{7,40}");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    public String commitOf(String url, String service) {
        HttpResponse<String> response;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                    .header("Accept", "application/json, text/plain").GET().build();
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException | IllegalArgumentException e) {
            throw new SwitchoverException(ExitCode.INFRASTRUCTURE, "the version endpoint of " + service + " (" + url
                    + ") does not answer: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SwitchoverException(ExitCode.INFRASTRUCTURE, "interrupted while asking " + url);
        }
        if (response.statusCode() / 100 != 2) {
            throw new SwitchoverException(ExitCode.INFRASTRUCTURE, "the version endpoint of " + service + " (" + url
                    + ") answered HTTP " + response.statusCode());
        }
        return parse(response.body()).orElseThrow(() -> SwitchoverException.badInput("the version endpoint of "
                + service + " (" + url + ") returned no git commit id; it should return the commit, as text or as JSON"
                + " (e.g. Spring Boot's git.commit.id)"));
    }

    static Optional<String> parse(String body) {
        String trimmed = body.strip();
        if (SHA.matcher(trimmed).matches()) {
            return Optional.of(trimmed.toLowerCase(java.util.Locale.ROOT));
        }
        try {
            return find(MAPPER.readTree(trimmed));
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
