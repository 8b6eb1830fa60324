-- Accounts get a display name. Old rows have none, so the column cannot be
-- NOT NULL yet; a trigger gives every new row one, taken from the nickname or
-- the e-mail address when the writer sends none (as the running service does).
ALTER TABLE account ADD COLUMN display_name text;

CREATE FUNCTION account_require_display_name() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.display_name := coalesce(NEW.display_name, NEW.nickname, NEW.email);
    RETURN NEW;
END;
$$;

CREATE TRIGGER account_require_display_name BEFORE INSERT ON account
    FOR EACH ROW EXECUTE FUNCTION account_require_display_name();
