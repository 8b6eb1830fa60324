package io.switchover.patterns.builders;

import io.switchover.patterns.model.ExtractionResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.switchover.patterns.builders.SpringDataJdbcAggregatesTest.statements;
import static io.switchover.patterns.builders.SpringDataJdbcAggregatesTest.units;
import static org.junit.jupiter.api.Assertions.assertEquals;

class MicronautDataEntitiesTest {

    @Test
    void issuesTheStatementsOfAMappedEntityAndItsRepositorysDerivedQueries() {
        String entity = """
                package io.airbyte.data.repositories.entities;
                import io.micronaut.data.annotation.GeneratedValue;
                import io.micronaut.data.annotation.Id;
                import io.micronaut.data.annotation.MappedEntity;
                import io.micronaut.data.annotation.MappedProperty;
                import io.micronaut.data.annotation.Relation;
                @MappedEntity("connection_timeline_event")
                public class ConnectionTimelineEvent {
                    @Id @GeneratedValue private java.util.UUID id;
                    private java.util.UUID connectionId;
                    @MappedProperty("event_type") private String eventKind;
                    @Relation(Relation.Kind.MANY_TO_ONE) private Workspace workspace;
                    @Relation(Relation.Kind.ONE_TO_MANY) private java.util.List<Attempt> attempts;
                    @io.micronaut.data.annotation.Transient private String display;
                }
                """;
        String repository = """
                package io.airbyte.data.repositories;
                import io.micronaut.data.jdbc.annotation.JdbcRepository;
                import io.micronaut.data.repository.PageableRepository;
                @JdbcRepository(dialect = Dialect.POSTGRES)
                public interface ConnectionTimelineEventRepository
                        extends PageableRepository<ConnectionTimelineEvent, java.util.UUID> {
                    List<ConnectionTimelineEvent> findByConnectionIdAndEventKindIn(java.util.UUID id, List<String> kinds);
                }
                """;
        ExtractionResult result = new MicronautDataEntities().extract(units("Event.java", entity,
                "EventRepository.java", repository));
        assertEquals(List.of(
                "EventRepository.java:7 SELECT id, connection_id, event_type, workspace_id FROM connection_timeline_event"
                        + " WHERE connection_id = ? AND event_type IN (?)",
                "Event.java:8 INSERT INTO connection_timeline_event (connection_id, event_type, workspace_id)"
                        + " VALUES (?, ?, ?)",
                "Event.java:8 SELECT id, connection_id, event_type, workspace_id FROM connection_timeline_event WHERE id = ?",
                "Event.java:8 UPDATE connection_timeline_event SET connection_id = ?, event_type = ?, workspace_id = ?"
                        + " WHERE id = ?",
                "Event.java:8 DELETE FROM connection_timeline_event WHERE id = ?"), statements(result));
    }

    @Test
    void readsNothingWithoutMicronautData() {
        assertEquals(ExtractionResult.empty(), new MicronautDataEntities().extract(units("A.java", """
                package a;
                @MappedEntity class A { @Id Long id; }
                """)));
    }
}
