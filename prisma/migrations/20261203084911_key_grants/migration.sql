-- Keys hold permission grants from the catalog (src/authz/catalog.ts) instead of the two scopes. Existing keys are
-- migrated in place and keep exactly what they could do: TRIGGER_WORKFLOWS becomes workflow:trigger and
-- READ_EXECUTIONS execution:read, each over the key's whole reach or the same named workflows.
-- A key may now be owned by the organization itself (ownerId NULL: a service key).

ALTER TABLE "ApiKey" ADD COLUMN "grants" JSONB NOT NULL DEFAULT '[]';

UPDATE "ApiKey" SET "grants" = COALESCE((
  SELECT jsonb_agg(jsonb_build_object(
           'permission', CASE s->>'scope' WHEN 'TRIGGER_WORKFLOWS' THEN 'workflow:trigger' ELSE 'execution:read' END,
           'projectIds', NULL,
           'workflowIds', s->'workflowIds'))
  FROM jsonb_array_elements(CASE WHEN jsonb_typeof("scopes") = 'array' THEN "scopes" ELSE '[]'::jsonb END) AS s
  WHERE s->>'scope' IN ('TRIGGER_WORKFLOWS', 'READ_EXECUTIONS')
), '[]');

ALTER TABLE "ApiKey" ALTER COLUMN "grants" DROP DEFAULT;

-- The key-state trigger watches the grants instead of the scopes (see migration key_state_notify).
DROP TRIGGER api_key_state_changed ON "ApiKey";
ALTER TABLE "ApiKey" DROP COLUMN "scopes";
ALTER TABLE "ApiKey" ALTER COLUMN "ownerId" DROP NOT NULL;
CREATE TRIGGER api_key_state_changed
  AFTER UPDATE OF "status", "expiresAt", "graceEndsAt", "allProjects", "grants", "secretHash", "projectId",
    "organizationId", "level", "publicId", "ipAllowlist", "ownerId" OR DELETE ON "ApiKey"
  FOR EACH ROW EXECUTE FUNCTION keysmith_notify_api_key();

-- A key can do at most what its owner may do now: a member's role change or removal reaches every instance's
-- key-state cache on the next call, like a revocation (every key of the organization is dropped; such changes are rare).
CREATE FUNCTION keysmith_notify_membership() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM pg_notify('keysmith_key_state', 'org:' || NEW."organizationId");
  ELSE
    PERFORM pg_notify('keysmith_key_state', 'org:' || OLD."organizationId");
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER membership_changed
  AFTER INSERT OR UPDATE OF "role", "userId", "organizationId" OR DELETE ON "Membership"
  FOR EACH ROW EXECUTE FUNCTION keysmith_notify_membership();
