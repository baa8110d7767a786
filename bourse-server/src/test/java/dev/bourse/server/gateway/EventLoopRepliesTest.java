package dev.bourse.server.gateway;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class EventLoopRepliesTest
{
    private static final int DEADLINE_S = 30;

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception
    {
        vertx.close().toCompletionStage().toCompletableFuture().get(DEADLINE_S, TimeUnit.SECONDS);
    }

    @Test
    void shouldRunEveryAnswerOfABurstOnTheEventLoopInOrderAcrossSeveralDrains() throws Exception
    {
        final Context context = vertx.getOrCreateContext();
        final CompletableFuture<Thread> loopThread = new CompletableFuture<>();
        context.runOnContext(ignored -> loopThread.complete(Thread.currentThread()));
        final EventLoopReplies replies = new EventLoopReplies(context);
        final int answers = EventLoopReplies.MAX_DRAIN_TASKS * 3 + 7;
        final List<Integer> ran = new ArrayList<>();
        final List<Thread> threads = new ArrayList<>();
        final CompletableFuture<Void> last = new CompletableFuture<>();

        for (int i = 0; i < answers; i++)
        {
            final int answer = i;
            replies.execute(() ->
            {
                ran.add(answer);
                threads.add(Thread.currentThread());
                if (answer == answers - 1)
                {
                    last.complete(null);
                }
            });
        }
        last.get(DEADLINE_S, TimeUnit.SECONDS);

        assertThat(ran).hasSize(answers).isSorted();
        assertThat(threads).containsOnly(loopThread.get(DEADLINE_S, TimeUnit.SECONDS));
    }

    @Test
    void shouldRunAnAnswerHandedOverAfterTheQueueEmptied() throws Exception
    {
        final EventLoopReplies replies = new EventLoopReplies(vertx.getOrCreateContext());
        final CompletableFuture<String> first = new CompletableFuture<>();
        replies.execute(() -> first.complete("first"));
        assertThat(first.get(DEADLINE_S, TimeUnit.SECONDS)).isEqualTo("first");

        final CompletableFuture<String> second = new CompletableFuture<>();
        replies.execute(() -> second.complete("second"));
        assertThat(second.get(DEADLINE_S, TimeUnit.SECONDS)).isEqualTo("second");
    }
}
