package org.orderflow.it.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/**
 * Collects what the benchmarks measure and, when the run ends, prints one table and writes
 * {@code target/bench/results.json} and {@code target/bench/append-throughput.png}. Every figure
 * that has a baseline carries the ratio against it, measured in the same run.
 */
public final class BenchReport implements LauncherSessionListener {

    public static final String RERUN = "mvn -B -Pbench -pl it-tests -am verify";

    /**
     * One measured figure.
     *
     * @param area     what is measured (append, http, aggregate-load, rebuild, outbox, memory, storage)
     * @param name     the case, e.g. "port, 8 writers, 1 event/tx"
     * @param value    the number
     * @param unit     its unit
     * @param baseline the name of the figure it is compared with, if any
     * @param ratio    value / baseline value (or the other way round for "lower is better" figures), if any
     * @param target   the target for the ratio, if any
     * @param note     how to read it
     */
    public record Figure(String area, String name, double value, String unit, String baseline, Double ratio,
                         String target, String note) {
    }

    private static final List<Figure> FIGURES = new ArrayList<>();
    private static final Map<String, Figure> BY_NAME = new LinkedHashMap<>();

    public static synchronized Figure record(String area, String name, double value, String unit, String note) {
        Figure figure = new Figure(area, name, value, unit, null, null, null, note);
        FIGURES.add(figure);
        BY_NAME.put(name, figure);
        return figure;
    }

    /** A figure compared with one recorded before: ratio = value / baseline (higher is better). */
    public static synchronized Figure compare(String area, String name, double value, String unit, String baselineName,
                                              String target, String note) {
        Figure baseline = BY_NAME.get(baselineName);
        Double ratio = baseline == null || baseline.value() == 0 ? null : value / baseline.value();
        Figure figure = new Figure(area, name, value, unit, baselineName, ratio, target, note);
        FIGURES.add(figure);
        BY_NAME.put(name, figure);
        return figure;
    }

    public static synchronized Optional<Figure> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static void progress(String format, Object... args) {
        System.out.printf("[bench] " + format + "%n", args);
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        List<Figure> figures;
        synchronized (BenchReport.class) {
            figures = List.copyOf(FIGURES);
        }
        if (figures.isEmpty()) {
            return;
        }
        Path dir = Path.of(System.getProperty("bench.dir", "target/bench"));
        try {
            Files.createDirectories(dir);
            printTable(figures);
            writeJson(dir.resolve("results.json"), figures);
            writeAppendChart(dir.resolve("append-throughput.png"), figures);
            System.out.println("[bench] written: " + dir.resolve("results.json") + ", " + dir.resolve("append-throughput.png"));
            System.out.println("[bench] rerun: " + RERUN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void printTable(List<Figure> figures) {
        System.out.println();
        System.out.printf("[bench] %-15s %-52s %16s %-8s %9s %-8s %s%n", "area", "case", "value", "unit", "ratio", "target",
                "compared with");
        String area = null;
        for (Figure f : figures) {
            if (!f.area().equals(area)) {
                System.out.println("[bench] " + "-".repeat(130));
                area = f.area();
            }
            System.out.printf("[bench] %-15s %-52s %,16.2f %-8s %9s %-8s %s%n", f.area(), f.name(), f.value(), f.unit(),
                    f.ratio() == null ? "" : String.format("%.2fx", f.ratio()), f.target() == null ? "" : f.target(),
                    f.baseline() == null ? "" : f.baseline());
        }
        System.out.println();
    }

    private static void writeJson(Path file, List<Figure> figures) throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("measuredAt", Instant.now().toString());
        document.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "java", System.getProperty("java.version"), "os", System.getProperty("os.name") + " " + System.getProperty("os.arch")));
        document.put("rerun", RERUN);
        document.put("figures", figures);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), document);
    }

    /** Events/s by writers, port vs raw, for 1 and 10 events per transaction. */
    private static void writeAppendChart(Path file, List<Figure> figures) throws IOException {
        List<Figure> append = figures.stream().filter(f -> f.area().equals("append")).toList();
        if (append.isEmpty()) {
            return;
        }
        CategoryChart chart = new CategoryChartBuilder().width(900).height(500)
                .title("Append throughput: EventStore port vs raw JDBC (same run)")
                .xAxisTitle("concurrent writers").yAxisTitle("events/s").build();
        for (String series : List.of("raw, %d writers, 1 event/tx", "port, %d writers, 1 event/tx",
                "raw, %d writers, 10 events/tx", "port, %d writers, 10 events/tx")) {
            List<String> writers = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (int w : AppendBenchmark.WRITERS) {
                String name = series.formatted(w);
                append.stream().filter(f -> f.name().equals(name)).findFirst().ifPresent(f -> {
                    writers.add(String.valueOf(w));
                    values.add(f.value());
                });
            }
            if (!values.isEmpty()) {
                chart.addSeries(series.replace("%d writers, ", ""), writers, values);
            }
        }
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
