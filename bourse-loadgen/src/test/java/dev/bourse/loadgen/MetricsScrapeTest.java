package dev.bourse.loadgen;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsScrapeTest
{
    @Test
    void shouldReadSeriesAndSumThoseThatSharePrefix()
    {
        final Map<String, Double> series = MetricsScrape.parse("""
            # HELP jvm_gc_live_data_size_bytes Size of long-lived heap memory pool after reclamation
            # TYPE jvm_gc_live_data_size_bytes gauge
            jvm_gc_live_data_size_bytes 1.048576E7
            jvm_memory_used_bytes{area="heap",id="ZGC Old Generation"} 100.0
            jvm_memory_used_bytes{area="heap",id="ZGC Young Generation"} 50.0
            jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 7.0
            """);

        assertThat(series).containsEntry("jvm_gc_live_data_size_bytes", 1.048576E7).hasSize(4);
        assertThat(MetricsScrape.sum(series, "jvm_memory_used_bytes{area=\"heap\"")).isEqualTo(150.0);
    }
}
