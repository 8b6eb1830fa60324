-- Accounts sign in by e-mail. Closing an account only stamps deleted_at, so
-- the address may be reused: it must be unique among open accounts only.
CREATE TABLE account (
    id         bigint PRIMARY KEY,
    email      text NOT NULL,
    nickname   text,
    created_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz
);

CREATE UNIQUE INDEX account_email_open ON account (email) WHERE deleted_at IS NULL;
