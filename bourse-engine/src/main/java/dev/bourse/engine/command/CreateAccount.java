package dev.bourse.engine.command;

import java.util.regex.Pattern;

/**
 * Opens an account; the engine assigns the next account ID (1, 2, 3...).
 *
 * @param label a free tag the admin API shows and lists accounts by (for example {@code simulated}): empty, or 1..32
 *              of [A-Za-z0-9_.-] (see {@link #isValidLabel(String)}).
 */
public record CreateAccount(String label) implements Command
{
    /** The longest label. */
    public static final int MAX_LABEL_LENGTH = 32;

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_.-]{0," + MAX_LABEL_LENGTH + "}");

    /** Opens an account without a label. */
    public CreateAccount()
    {
        this("");
    }

    /**
     * @param label a label.
     * @return whether it is empty or 1..32 of [A-Za-z0-9_.-].
     */
    public static boolean isValidLabel(final String label)
    {
        return label != null && LABEL.matcher(label).matches();
    }
}
