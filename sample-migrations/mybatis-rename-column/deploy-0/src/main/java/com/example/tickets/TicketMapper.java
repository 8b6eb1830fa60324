package com.example.tickets;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** MyBatis mapper; the SQL is in TicketMapper.xml next to this interface on the class path. */
@Mapper
public interface TicketMapper {

    Ticket findById(long id);

    List<Ticket> search(@Param("status") String status, @Param("assignee") String assignee);

    List<Ticket> listOpen(@Param("mine") boolean mine, @Param("me") String me);

    void insert(Ticket ticket);

    int update(Ticket ticket);

    record Ticket(long id, String title, String status, String assignee, Instant updatedAt) {
    }
}
