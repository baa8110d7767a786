package dev.bourse.engine.command;

/** Opens an account; the engine assigns the next account ID (1, 2, 3...). */
public record CreateAccount() implements Command
{
}
