package dev.bourse.systemtest.client;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.io.IOException;

/** A real server for each test, with the SDK clients made of it, all closed after the test. */
abstract class WithExchange
{
    ClientExchange exchange;

    @BeforeEach
    final void startExchange() throws IOException
    {
        exchange = new ClientExchange();
    }

    @AfterEach
    final void closeExchange() throws Exception
    {
        exchange.close();
    }
}
