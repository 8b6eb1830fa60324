-- Support tickets. Column assignee holds the user name of whoever works on the ticket.
CREATE TABLE ticket (
    id         BIGINT PRIMARY KEY,
    title      VARCHAR(200) NOT NULL,
    status     VARCHAR(20)  NOT NULL,
    assignee   VARCHAR(100),
    updated_at TIMESTAMP    NOT NULL
);
