-- Key-state change notifications. Every server instance caches the authentication-relevant state of keys it has
-- seen and LISTENs on "keysmith_key_state"; these triggers announce, in the committing transaction, every change
-- that could alter an authentication decision, including cascades (a deleted project deletes its keys).
-- Payloads: 'pub:<publicId>' (one key), 'key:<id>' (one key, by id), 'org:<id>' (every key of an organization).
-- Usage counters (usageCount, lastUsedAt, lastUsedIp) are deliberately not watched.

CREATE FUNCTION keysmith_notify_api_key() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('keysmith_key_state', 'pub:' || OLD."publicId");
  RETURN NULL;
END $$;

CREATE FUNCTION keysmith_notify_api_key_project() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('keysmith_key_state', 'key:' || OLD."apiKeyId");
  ELSE
    PERFORM pg_notify('keysmith_key_state', 'key:' || NEW."apiKeyId");
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION keysmith_notify_organization() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('keysmith_key_state', 'org:' || OLD.id);
  RETURN NULL;
END $$;

CREATE TRIGGER api_key_state_changed
  AFTER UPDATE OF "status", "expiresAt", "graceEndsAt", "allProjects", "scopes", "secretHash", "projectId",
    "organizationId", "level", "publicId" OR DELETE ON "ApiKey"
  FOR EACH ROW EXECUTE FUNCTION keysmith_notify_api_key();

CREATE TRIGGER api_key_project_changed
  AFTER INSERT OR UPDATE OR DELETE ON "ApiKeyProject"
  FOR EACH ROW EXECUTE FUNCTION keysmith_notify_api_key_project();

CREATE TRIGGER organization_plan_changed
  AFTER UPDATE OF "plan" OR DELETE ON "Organization"
  FOR EACH ROW EXECUTE FUNCTION keysmith_notify_organization();
