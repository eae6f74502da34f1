package dev.knownerrors.cli;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineTest {

    record Bucket(long start, long width, long count) {
    }

    static List<Bucket> buckets(Timeline t, String key) {
        List<Bucket> list = new ArrayList<>();
        t.forEach(key, (s, w, c) -> list.add(new Bucket(s, w, c)));
        return list;
    }

    @Test
    void fewCloseValuesKeepTheirOwnBuckets() {
        Timeline t = new Timeline(Timeline.LINES);
        for (long line : new long[] {12, 15, 15, 70}) {
            t.add("a", line);
        }
        assertThat(buckets(t, "a")).containsExactly(new Bucket(12, 1, 1), new Bucket(15, 1, 2), new Bucket(70, 1, 1));
        assertThat(t.min()).isEqualTo(12);
        assertThat(t.max()).isEqualTo(70);
    }

    @Test
    void aWideRangeMergesIntoRoundBucketsWithoutLosingACount() {
        Timeline t = new Timeline(Timeline.TIME);
        Random random = new Random(42);
        Map<String, Long> expected = new HashMap<>();
        long start = 1_800_000_000_000L;
        for (int i = 0; i < 200_000; i++) {
            String key = "k" + random.nextInt(5);
            long value = start + (long) (random.nextDouble() * 3 * 24 * 3_600_000L) - (i % 1000 == 0 ? 3_600_000 : 0);
            t.add(key, value);
            expected.merge(key, 1L, Long::sum);
        }

        assertThat(t.total()).isEqualTo(200_000);
        assertThat(t.bucketWidth()).isEqualTo(15 * 60_000L); // 3 days in at most 512 buckets: 15 min
        for (String key : expected.keySet()) {
            List<Bucket> b = buckets(t, key);
            assertThat(b.stream().mapToLong(Bucket::count).sum()).isEqualTo(expected.get(key));
            assertThat(b).hasSizeLessThanOrEqualTo(Timeline.FINE)
                    .allSatisfy(x -> assertThat(x.start() % x.width()).isZero());
        }
    }

    @Test
    void valuesBeforeTheFirstOneMoveTheWindowBack() {
        Timeline t = new Timeline(Timeline.LINES);
        t.add("a", 1000);
        t.add("a", 10);
        t.add("b", 400);
        assertThat(buckets(t, "a")).containsExactly(new Bucket(10, 5, 1), new Bucket(1000, 5, 1));
        assertThat(buckets(t, "b")).containsExactly(new Bucket(400, 5, 1));
        assertThat(t.roundWidth(3)).isEqualTo(5);
        assertThat(t.roundWidth(11)).isEqualTo(50);
    }

    @Test
    void theChartsBarsAddUpToEachKnownErrorsCount() {
        Timeline t = new Timeline(Timeline.TIME);
        long hour = 3_600_000L;
        for (int i = 0; i < 300; i++) {
            t.add("net/refused", 1_800_000_000_000L + i * 10 * 60_000L);
            if (i % 3 == 0) {
                t.add("jvm/heap", 1_800_000_000_000L + i * 10 * 60_000L + 5 * 60_000L);
            }
        }
        TimelineChart chart = new TimelineChart(t, true);
        String svg = chart.svg(List.of("net/refused", "jvm/heap"), Map.of("net/refused", 0, "jvm/heap", 1));

        assertThat(chart.barWidth()).isEqualTo(hour); // 50 hours in at most 60 bars
        assertThat(chart.bars()).isEqualTo(50);
        Map<String, Long> sums = new HashMap<>();
        Matcher m = Pattern.compile("<rect class=\"bar c(\\d)\" data-id=\"([^\"]+)\" data-count=\"(\\d+)\"").matcher(svg);
        int rects = 0;
        while (m.find()) {
            rects++;
            sums.merge(m.group(2), Long.parseLong(m.group(3)), Long::sum);
            assertThat(m.group(1)).isEqualTo(m.group(2).equals("net/refused") ? "0" : "1");
        }
        assertThat(sums).containsEntry("net/refused", 300L).containsEntry("jvm/heap", 100L);
        assertThat(rects).isEqualTo(2 * chart.bars());
    }
}
