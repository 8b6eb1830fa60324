package com.example.club;

import static com.example.club.jooq.Tables.MEMBER;

import java.util.Optional;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import com.example.club.jooq.tables.records.MemberRecord;

/**
 * Members, through jOOQ. {@code Tables} and {@code MemberRecord} are generated from the migrations at build time
 * (jooq-codegen-maven) and are not checked in.
 */
@Repository
public class MemberRepository {

    private final DSLContext dsl;

    public MemberRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void join(long id, String email, String fullName) {
        MemberRecord member = dsl.newRecord(MEMBER);
        member.setId(id);
        member.setEmail(email);
        member.setFullName(fullName);
        member.store();
    }

    public Optional<Member> findByEmail(String email) {
        return dsl.selectFrom(MEMBER)
                .where(MEMBER.EMAIL.eq(email))
                .fetchOptional()
                .map(MemberRepository::toMember);
    }

    private static Member toMember(MemberRecord record) {
        return new Member(record.getId(), record.getEmail(), record.getFullName(), record.getNickname());
    }
}
