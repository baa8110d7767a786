package dev.bourse.engine;

/**
 * What a transfer record shows besides its amounts; each field at most 128 characters, empty when not given.
 */
public record TransferDetails(String address, String tag, String bankName, String accountNo)
{
    /** No details. */
    public static final TransferDetails NONE = new TransferDetails("", "", "", "");
}
