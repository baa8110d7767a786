package dev.bourse.loadgen;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;

/** A server's own metrics: {@code GET /metrics} on its admin port, as series (name and labels as printed) to values. */
final class MetricsScrape
{
    private MetricsScrape()
    {
    }

    /** @return the series the server's admin port shows now. */
    static Map<String, Double> of(final HttpClient http, final int adminPort) throws IOException, InterruptedException
    {
        final HttpResponse<String> response = http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200)
        {
            throw new IOException("GET /metrics answered HTTP " + response.statusCode());
        }
        return parse(response.body());
    }

    /** @return the series of Prometheus's text format, comments left out. */
    static Map<String, Double> parse(final String text)
    {
        final Map<String, Double> series = new TreeMap<>();
        for (final String line : text.split("\n"))
        {
            if (line.isBlank() || line.startsWith("#"))
            {
                continue;
            }
            final int space = line.lastIndexOf(' ');
            series.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        return series;
    }

    /** @return the sum of every series whose name and labels start with {@code prefix}. */
    static double sum(final Map<String, Double> series, final String prefix)
    {
        return series.entrySet().stream().filter(entry -> entry.getKey().startsWith(prefix))
            .mapToDouble(Map.Entry::getValue).sum();
    }
}
