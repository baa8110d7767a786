package dev.bourse.engine;

/** The direction of a transfer of funds into or out of the exchange. */
public enum TransferType
{
    DEPOSIT,
    WITHDRAW
}
