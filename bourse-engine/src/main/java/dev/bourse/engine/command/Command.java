package dev.bourse.engine.command;

/**
 * Everything that changes the state of the exchange. Commands are immutable; the engine applies them one at a
 * time, in the order of the journal, each with its timestamp.
 */
public sealed interface Command
    permits PutPair, CreateAccount, Transfer, IssueApiKey, RevokeApiKey, PlaceOrder, CancelOrder, CancelAllOrders,
    SetDeadMansSwitch, FireDeadMansSwitches
{
}
