package dev.bourse.engine;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seeded whole-engine simulation: each seed runs thousands of random commands through the engine and the
 * {@link ReferenceExchange} and checks them against each other and the invariants after every step.
 * <p>
 * {@code -Dbourse.simulation.seed=N} runs one seed (a failure prints the seed to use);
 * {@code -Dbourse.simulation.seeds=N} runs seeds 1..N (default 32); {@code -Dbourse.simulation.commands=N} sets the
 * commands per seed (default 4000).
 */
final class EngineSimulationTest
{
    private static final int DEFAULT_SEEDS = 32;
    private static final int DEFAULT_COMMANDS = 4_000;
    private static final int SEEDS_THAT_MUST_REACH_EVERY_RULE = 8;
    private static final Map<String, Integer> TALLY = new ConcurrentHashMap<>();
    private static int seedsRun;

    @TestFactory
    Stream<DynamicTest> shouldAgreeWithTheReferenceModelAndKeepTheInvariantsAfterEveryStep()
    {
        final int commands = Integer.getInteger("bourse.simulation.commands", DEFAULT_COMMANDS);
        return seeds().mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () ->
        {
            final SimulationRun run = new SimulationRun(seed, commands, SimulationRun.configurationFor(seed)).run();
            run.tally().forEach((name, count) -> TALLY.merge(name, count, Integer::sum));
            seedsRun++;
        }));
    }

    /** The workload is only worth something if it reaches every rule: every status and every kind of event. */
    @AfterAll
    static void shouldHaveReachedEveryRule()
    {
        if (seedsRun < SEEDS_THAT_MUST_REACH_EVERY_RULE)
        {
            return;
        }
        final List<String> expected = List.of(
            "PlaceOrder 1000", "PlaceOrder 4101", "PlaceOrder 4009", "PlaceOrder 4002", "PlaceOrder 4006",
            "PlaceOrder 4007", "PlaceOrder 4008", "PlaceOrder 3113", "PlaceOrder 3203", "PlaceOrder 3204",
            "PlaceOrder 3211", "PlaceOrder 3212", "PlaceOrder 3213", "PlaceOrder 3221", "PlaceOrder 3222",
            "PlaceOrder 3301", "PlaceOrder 3311", "CancelOrder 1000", "CancelOrder 3321", "CancelAllOrders 1000",
            "CancelAllOrders 4009", "Transfer 1000", "Transfer 3301", "Transfer 4002", "Transfer 4011",
            "Transfer 4014", "Transfer 4101", "PutPair 1000", "PutPair 4002", "IssueApiKey 1000", "IssueApiKey 4002",
            "RevokeApiKey 1000", "RevokeApiKey 6001", "RevokeApiKey 6002", "TradeExecuted", "OrderTriggered",
            "cancel SELF_TRADE", "cancel SELF_TRADE taker", "cancel UNFILLED_MARKET", "cancel USER", "cancel CANCEL_ALL",
            "PlaceOrder 3231", "cancel UNFILLED_IOC", "cancel UNFILLED_FOK", "OrderAlreadyAccepted",
            "CancelOrder 4002", "cancel CANCEL_ALL every pair", "cancel CANCEL_ALL BUY", "cancel CANCEL_ALL SELL",
            "cancel CANCEL_ALL every pair SELL", "SetDeadMansSwitch 1000", "SetDeadMansSwitch 4002",
            "SetDeadMansSwitch 4009", "DeadMansSwitchSet", "FireDeadMansSwitches 1000", "cancel DEAD_MANS_SWITCH",
            "cancel DEAD_MANS_SWITCH every pair");
        assertThat(TALLY.keySet()).as("what the simulation reached").containsAll(expected);
    }

    static LongStream seeds()
    {
        final String single = System.getProperty("bourse.simulation.seed");
        if (single != null && !single.isBlank())
        {
            return LongStream.of(Long.parseLong(single.trim()));
        }
        return LongStream.rangeClosed(1, Integer.getInteger("bourse.simulation.seeds", DEFAULT_SEEDS));
    }
}
