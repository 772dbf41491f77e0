-- AlterTable
ALTER TABLE "WebhookDelivery" ADD COLUMN     "leaseToken" UUID;

-- Wakes the delivery loops: one notification per statement that wrote deliveries (the outbox insert of a mutation,
-- a redelivery), sent at commit. An insert that wrote no row (an organization without endpoints) notifies nothing.
CREATE FUNCTION keysmith_webhook_outbox_notify() RETURNS trigger AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM inserted) THEN
    PERFORM pg_notify('keysmith_webhook_outbox', '');
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "WebhookDelivery_outbox_notify"
  AFTER INSERT ON "WebhookDelivery"
  REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION keysmith_webhook_outbox_notify();
