-- The history of the exchange: every state of every order, every fill, every market trade and every transfer, each
-- row tagged with the sequence of the journaled command that made it. Written by the server's history thread only,
-- in one transaction per batch of commands together with history_progress, so a batch is there entirely or not at
-- all. Amounts are integers in base units of their currency (see currency.scale); times are ms since the epoch (UTC).
-- Enumerations are explicit codes, never ordinals: the *_code tables name them (join them in reports), and each
-- column checks its codes.

CREATE TABLE history_progress
(
    id                 smallint    PRIMARY KEY CHECK (id = 1),
    committed_sequence bigint      NOT NULL,
    updated_at         timestamptz NOT NULL
);
INSERT INTO history_progress (id, committed_sequence, updated_at) VALUES (1, 0, now());

CREATE TABLE side_code
(
    code smallint PRIMARY KEY,
    name text     NOT NULL UNIQUE
);
INSERT INTO side_code VALUES (0, 'BUY'), (1, 'SELL');

CREATE TABLE order_type_code
(
    code smallint PRIMARY KEY,
    name text     NOT NULL UNIQUE
);
INSERT INTO order_type_code VALUES (0, 'MARKET'), (1, 'LIMIT'), (2, 'STOPLIMIT');

CREATE TABLE order_status_code
(
    code smallint PRIMARY KEY,
    name text     NOT NULL UNIQUE
);
INSERT INTO order_status_code VALUES (0, 'CREATE'), (1, 'PENDING'), (2, 'REQUEST'), (3, 'PROCESS'), (4, 'COMPLETE');

CREATE TABLE transfer_type_code
(
    code smallint PRIMARY KEY,
    name text     NOT NULL UNIQUE
);
INSERT INTO transfer_type_code VALUES (0, 'DEPOSIT'), (1, 'WITHDRAW');

-- Currencies and their scales: an amount of n base units is n / 10^scale whole units.
CREATE TABLE currency
(
    currency text     PRIMARY KEY,
    scale    smallint NOT NULL,
    sequence bigint   NOT NULL
);

-- Pairs: CURRENCY.MARKET; prices are in base units of the Market per whole unit of the Currency.
CREATE TABLE pair
(
    coin_pair text   PRIMARY KEY,
    currency  text   NOT NULL,
    market    text   NOT NULL,
    sequence  bigint NOT NULL
);

-- One row per order per command that changed it (accepted, triggered, filled, cancelled, cancelled by a cancel-all):
-- the order as it was after that command. An order's current state is its row with the highest sequence.
CREATE TABLE order_state
(
    order_id           bigint   NOT NULL,
    sequence           bigint   NOT NULL,
    account_id         bigint   NOT NULL,
    coin_pair          text     NOT NULL,
    order_type         smallint NOT NULL CHECK (order_type IN (0, 1, 2)),
    side               smallint NOT NULL CHECK (side IN (0, 1)),
    price              bigint   NOT NULL,
    stop_price         bigint   NOT NULL,
    initial_quantity   bigint   NOT NULL,
    cancelled_quantity bigint   NOT NULL,
    remain_quantity    bigint   NOT NULL,
    filled_quantity    bigint   NOT NULL,
    filled_volume      bigint   NOT NULL,
    fee_paid           bigint   NOT NULL,
    reserved_value     bigint   NOT NULL,
    reserve_remaining  bigint   NOT NULL,
    maker_fee_ppm      integer  NOT NULL,
    taker_fee_ppm      integer  NOT NULL,
    status             smallint NOT NULL CHECK (status BETWEEN 0 AND 4),
    created_at_ms      bigint   NOT NULL,
    completed_at_ms    bigint   NOT NULL,
    PRIMARY KEY (order_id, sequence)
);

-- One row per side of a trade that belongs to an order: what account tradeHistory shows.
CREATE TABLE fill
(
    trade_id      bigint   NOT NULL,
    order_id      bigint   NOT NULL,
    sequence      bigint   NOT NULL,
    account_id    bigint   NOT NULL,
    coin_pair     text     NOT NULL,
    side          smallint NOT NULL CHECK (side IN (0, 1)),
    maker         boolean  NOT NULL,
    price         bigint   NOT NULL,
    quantity      bigint   NOT NULL,
    volume        bigint   NOT NULL,
    fee           bigint   NOT NULL,
    full_fill     boolean  NOT NULL,
    created_at_ms bigint   NOT NULL,
    PRIMARY KEY (trade_id, order_id)
);
-- account tradeHistory without and with coinPair, newest first.
CREATE INDEX fill_by_account ON fill (account_id, created_at_ms DESC, trade_id DESC, maker DESC);
CREATE INDEX fill_by_account_pair ON fill (account_id, coin_pair, created_at_ms DESC, trade_id DESC, maker DESC);

-- One row per trade: what market tradeHistory shows, with both orders and both fees.
CREATE TABLE trade
(
    trade_id         bigint   PRIMARY KEY,
    sequence         bigint   NOT NULL,
    coin_pair        text     NOT NULL,
    price            bigint   NOT NULL,
    quantity         bigint   NOT NULL,
    volume           bigint   NOT NULL,
    taker_side       smallint NOT NULL CHECK (taker_side IN (0, 1)),
    taker_order_id   bigint   NOT NULL,
    taker_account_id bigint   NOT NULL,
    taker_fee        bigint   NOT NULL,
    maker_order_id   bigint   NOT NULL,
    maker_account_id bigint   NOT NULL,
    maker_fee        bigint   NOT NULL,
    created_at_ms    bigint   NOT NULL
);
-- market tradeHistory, newest first.
CREATE INDEX trade_by_pair ON trade (coin_pair, created_at_ms DESC, trade_id DESC);

-- One row per deposit or withdrawal: what transactionHistory shows.
CREATE TABLE transfer
(
    transfer_id   bigint   PRIMARY KEY,
    sequence      bigint   NOT NULL,
    account_id    bigint   NOT NULL,
    transfer_type smallint NOT NULL CHECK (transfer_type IN (0, 1)),
    currency      text     NOT NULL,
    amount        bigint   NOT NULL,
    fee           bigint   NOT NULL,
    total         bigint   NOT NULL,
    address       text     NOT NULL,
    tag           text     NOT NULL,
    bank_name     text     NOT NULL,
    account_no    text     NOT NULL,
    created_at_ms bigint   NOT NULL
);
-- transactionHistory, newest first.
CREATE INDEX transfer_by_account ON transfer (account_id, created_at_ms DESC, transfer_id DESC);
