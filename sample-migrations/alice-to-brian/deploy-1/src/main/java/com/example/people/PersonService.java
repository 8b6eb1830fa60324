package com.example.people;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class PersonService {

    private final PersonRepository people;
    private final Clock clock;

    public PersonService(PersonRepository people, Clock clock) {
        this.people = people;
        this.clock = clock;
    }

    @Transactional
    public Person register(long id, String displayName) {
        Person person = new Person(id, displayName, clock.instant());
        people.insert(person);
        return person;
    }

    @Transactional(readOnly = true)
    public String displayNameOf(long id) {
        return people.findDisplayName(id).orElseThrow(() -> unknownPerson(id));
    }

    @Transactional
    public void rename(long id, String displayName) {
        if (!people.updateDisplayName(id, displayName)) {
            throw unknownPerson(id);
        }
    }

    @Transactional(readOnly = true)
    public List<Person> recentlyJoined(Duration window) {
        Instant since = clock.instant().minus(window);
        return people.findCreatedSince(since);
    }

    @Transactional
    public void remove(long id) {
        if (!people.delete(id)) {
            throw unknownPerson(id);
        }
    }

    private static NoSuchElementException unknownPerson(long id) {
        return new NoSuchElementException("unknown person id " + id);
    }
}
