-- Every change of an account is recorded for support, by a trigger so that
-- no code path can forget it. Nothing the service issues has to change.
CREATE TABLE account_audit (
    id         bigserial PRIMARY KEY,
    account_id bigint NOT NULL,
    email      text NOT NULL,
    operation  text NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION account_audit_row() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO account_audit (account_id, email, operation) VALUES (NEW.id, NEW.email, TG_OP);
    RETURN NEW;
END;
$$;

CREATE TRIGGER account_audit AFTER INSERT OR UPDATE ON account
    FOR EACH ROW EXECUTE FUNCTION account_audit_row();
