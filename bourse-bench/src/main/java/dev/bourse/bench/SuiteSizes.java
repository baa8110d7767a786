package dev.bourse.bench;

/** The sizes and repetitions of a suite run: full, or quick (small, a smoke check that everything runs). */
record SuiteSizes(
    int warmUps,
    int w2Repetitions,
    int w1Repetitions,
    int generatedResting,
    int generatedCommands,
    int generatedRepetitions,
    int cancelAllOtherOrders,
    int cancelAllLevels,
    int cancelAllWarmUpRounds,
    int cancelAllCompilerRounds,
    int[] cancelAllSizes,
    int cancelAllRepetitions,
    int cancelAllLargeRepetitions,
    int[] cancelAllPairsSizes,
    int latencyCommands,
    long[] latencyRatesPerSecond,
    int memoryOrders,
    int allocationWarmUpRounds)
{
    static final SuiteSizes FULL = new SuiteSizes(5, 9, 21, 100_000, 2_000_000, 5, 100_000, 5_000, 30, 10_000,
        new int[]{10, 100, 1_000, 10_000, 100_000, 1_000_000}, 9, 5, new int[]{1_000, 100_000}, 200_000,
        new long[]{50_000, 200_000, 1_000_000}, 1_000_000, 200);

    static final SuiteSizes QUICK = new SuiteSizes(1, 2, 3, 2_000, 20_000, 2, 1_000, 100, 2, 100,
        new int[]{10, 1_000}, 3, 3, new int[]{1_000}, 5_000, new long[]{50_000, 1_000_000}, 10_000, 5);
}
