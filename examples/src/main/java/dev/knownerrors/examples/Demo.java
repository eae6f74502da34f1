package dev.knownerrors.examples;

import java.util.List;
import java.util.Map;

/**
 * The live demo: provokes a few common failures and logs each through Logback (with
 * {@code DiagnosingAppender}, configured by logback.xml) and through Log4j 2 (with its
 * {@code DiagnosingAppender}, configured by log4j2.xml). Arguments: {@code logback},
 * {@code log4j2}, or nothing for both.
 */
public final class Demo {

    private Demo() {
    }

    public static void main(String[] args) {
        List<String> backends = args.length == 0 ? List.of("logback", "log4j2") : List.of(args);
        Map<String, Failures.Failure> failures = Failures.all();
        for (String backend : backends) {
            System.out.println();
            System.out.println("=== " + backend + " ===");
            switch (backend) {
                case "logback" -> LogbackDemo.run(failures);
                case "log4j2" -> Log4j2Demo.run(failures);
                default -> {
                    System.err.println("unknown backend '" + backend + "' (expected logback or log4j2)");
                    System.exit(2);
                }
            }
        }
    }
}
