package dev.bourse.engine.event;

/** A currency exists from now on; its amounts are counted in base units of {@code 10^-scale}. */
public record CurrencyCreated(int currencyId, String currency, int scale) implements Event
{
}
