package dev.bourse.loadgen;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the {@link BareServer} as its own process: {@code BareServerMain <port>} binds 127.0.0.1, prints
 * {@code listening <port>} and serves until SIGTERM.
 */
public final class BareServerMain
{
    private BareServerMain()
    {
    }

    /** @param args the port (0 for any free one). */
    public static void main(final String[] args) throws InterruptedException
    {
        final BareServer server = BareServer.start("127.0.0.1", args.length > 0 ? Integer.parseInt(args[0]) : 0);
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
        {
            server.close();
            stopped.countDown();
        }, "bare-server-shutdown"));
        System.out.println("listening " + server.port());
        System.out.flush();
        stopped.await();
    }
}
