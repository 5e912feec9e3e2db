package dev.accrue.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnalyticsBenchmarkTest {

    @Test
    void tracedSearchesAreReadBackWithTheirBodiesAnMsearchBodyOverSeveralLines() {
        String log = """
                2026-12-03 TRACE tracer : curl -iX POST 'http://127.0.0.1:9200/accrue-awards/_search?pretty&typed_keys=true' -d '{"size":0}'
                # HTTP/1.1 200 OK
                2026-12-03 TRACE tracer : curl -iX POST 'http://127.0.0.1:9200/_msearch?pretty&typed_keys=true' -d '{"index":"accrue-awards"}
                {"size":0,"query":{"match_all":{}}}
                {"index":"accrue-participations"}
                {"size":0}
                '
                # HTTP/1.1 200 OK
                """;

        assertThat(AnalyticsBenchmark.parse(log)).containsExactly(
                new AnalyticsBenchmark.EsRequest("POST", "/accrue-awards/_search?typed_keys=true", "{\"size\":0}"),
                new AnalyticsBenchmark.EsRequest("POST", "/_msearch?typed_keys=true", """
                        {"index":"accrue-awards"}
                        {"size":0,"query":{"match_all":{}}}
                        {"index":"accrue-participations"}
                        {"size":0}
                        """));
    }
}
