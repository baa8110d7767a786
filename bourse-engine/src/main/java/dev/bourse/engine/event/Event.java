package dev.bourse.engine.event;

/**
 * A change of the exchange's state, emitted by the engine while it applies a command. Read models, the journal's
 * tests and streams follow them; applying the same commands always emits the same events.
 */
public sealed interface Event
    permits CommandRejected, CurrencyCreated, PairUpdated, AccountCreated, ApiKeyIssued, ApiKeyRevoked,
    TransferCompleted, BalanceChanged, OrderAccepted, OrderTriggered, OrderFilled, OrderCancelled, TradeExecuted,
    AllOrdersCancelled, OrderAlreadyAccepted, DeadMansSwitchSet
{
}
