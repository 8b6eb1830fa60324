-- Accounts get a display name. Old rows have none, so the column cannot be
-- NOT NULL yet; a trigger makes every new or changed row carry one instead.
ALTER TABLE account ADD COLUMN display_name text;

CREATE FUNCTION account_require_display_name() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.display_name IS NULL THEN
        RAISE EXCEPTION 'account % has no display_name', NEW.id;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER account_require_display_name BEFORE INSERT ON account
    FOR EACH ROW EXECUTE FUNCTION account_require_display_name();
