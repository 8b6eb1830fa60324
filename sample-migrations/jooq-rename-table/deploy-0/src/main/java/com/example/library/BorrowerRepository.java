package com.example.library;

import static com.example.library.jooq.Tables.BORROWER;

import java.time.LocalDate;
import java.util.Optional;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import com.example.library.jooq.tables.records.BorrowerRecord;

/**
 * Card holders, through jOOQ. {@code Tables} and {@code BorrowerRecord} are generated from the migrations at build
 * time (jooq-codegen-maven) and are not checked in.
 */
@Repository
public class BorrowerRepository {

    private final DSLContext dsl;

    public BorrowerRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void register(long id, String email, String fullName, LocalDate joinedOn) {
        dsl.insertInto(BORROWER)
                .set(BORROWER.ID, id)
                .set(BORROWER.EMAIL, email)
                .set(BORROWER.FULL_NAME, fullName)
                .set(BORROWER.JOINED_ON, joinedOn)
                .execute();
    }

    public Optional<Borrower> findByEmail(String email) {
        return dsl.selectFrom(BORROWER)
                .where(BORROWER.EMAIL.eq(email))
                .fetchOptional()
                .map(BorrowerRepository::toBorrower);
    }

    public boolean changeName(long id, String fullName) {
        return dsl.update(BORROWER)
                .set(BORROWER.FULL_NAME, fullName)
                .where(BORROWER.ID.eq(id))
                .execute() == 1;
    }

    private static Borrower toBorrower(BorrowerRecord record) {
        return new Borrower(record.getId(), record.getEmail(), record.getFullName(), record.getJoinedOn());
    }
}
