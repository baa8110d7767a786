-- The client order ID an order was placed with (issue 14), NULL for none: order_state rows carry it from now on.
ALTER TABLE order_state ADD COLUMN client_order_id text;

CREATE INDEX order_state_by_client_order_id ON order_state (account_id, client_order_id, order_id)
    WHERE client_order_id IS NOT NULL;
