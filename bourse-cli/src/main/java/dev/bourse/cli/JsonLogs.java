package dev.bourse.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import org.slf4j.LoggerFactory;

import java.net.URL;

/**
 * Structured logs for {@code bourse serve --log-format json}: logback reconfigured from {@code logback-json.xml}, one
 * JSON object a line on standard error (logback's own {@code JsonEncoder}: timestamp, level, thread, logger,
 * formatted message, MDC, key-value pairs, throwable), for a log collector.
 */
final class JsonLogs
{
    private static final String CONFIGURATION = "/logback-json.xml";

    private JsonLogs()
    {
    }

    /** Replaces the logging configuration of this process with the JSON one. */
    static void enable()
    {
        configure(JsonLogs.class.getResource(CONFIGURATION));
    }

    /** @param configuration a logback configuration to replace the process's with. */
    static void configure(final URL configuration)
    {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context))
        {
            throw new IllegalStateException("logging is not logback: " + LoggerFactory.getILoggerFactory());
        }
        context.reset();
        final JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try
        {
            configurator.doConfigure(configuration);
        }
        catch (final JoranException ex)
        {
            throw new IllegalStateException("cannot configure logging from " + configuration, ex);
        }
    }
}
