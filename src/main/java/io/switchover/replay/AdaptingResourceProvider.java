package io.switchover.replay;

import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Hands Flyway each migration's text rewritten for the replay engine (H2 only), and remembers what it changed in which
 * file so that the report can say so. Flyway reads a file more than once; the notes are kept per file.
 */
final class AdaptingResourceProvider implements ResourceProvider {
    private final ResourceProvider delegate;
    private final Function<String, AdaptedScript> adaptation;
    private final Map<String, Set<String>> changes;

    AdaptingResourceProvider(ResourceProvider delegate, Function<String, AdaptedScript> adaptation,
                             Map<String, Set<String>> changes) {
        this.delegate = delegate;
        this.adaptation = adaptation;
        this.changes = changes;
    }

    @Override
    public LoadableResource getResource(String name) {
        LoadableResource resource = delegate.getResource(name);
        return resource == null ? null : new Adapted(resource);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        List<LoadableResource> adapted = new ArrayList<>();
        for (LoadableResource resource : delegate.getResources(prefix, suffixes)) {
            adapted.add(new Adapted(resource));
        }
        return adapted;
    }

    private final class Adapted extends LoadableResource {
        private final LoadableResource original;

        Adapted(LoadableResource original) {
            this.original = original;
        }

        @Override
        public Reader read() {
            StringBuilder text = new StringBuilder();
            try (Reader reader = original.read()) {
                char[] buffer = new char[8192];
                for (int n; (n = reader.read(buffer)) > 0; ) {
                    text.append(buffer, 0, n);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            AdaptedScript result = adaptation.apply(text.toString());
            if (!result.changes().isEmpty()) {
                synchronized (changes) {
                    changes.computeIfAbsent(original.getFilename(), k -> new java.util.LinkedHashSet<>())
                            .addAll(result.changes());
                }
            }
            return new StringReader(result.script());
        }

        @Override
        public String getAbsolutePath() {
            return original.getAbsolutePath();
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return original.getAbsolutePathOnDisk();
        }

        @Override
        public String getFilename() {
            return original.getFilename();
        }

        @Override
        public String getRelativePath() {
            return original.getRelativePath();
        }
    }
}
