package dev.bourse.client;

/** A deposit or a withdrawal. */
public enum TransferType
{
    DEPOSIT,
    WITHDRAW
}
