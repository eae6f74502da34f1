package dev.knownerrors.spring;

import dev.knownerrors.spring.apps.ClosedPort;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Boots the test applications as real, web-less Spring Boot applications. */
public final class Apps {

    private Apps() {
    }

    /** Runs {@code app} with the given {@code key=value} properties; the caller closes it. */
    public static ConfigurableApplicationContext run(Class<?> app, String... properties) {
        return builder(app, properties).run();
    }

    /** Runs {@code app} with {@code inventory.port} set to a closed loopback port. */
    public static ConfigurableApplicationContext runAgainstClosedPort(Class<?> app, String... properties) {
        return run(app, withClosedPort(properties));
    }

    /** Like {@link #runAgainstClosedPort} with an initializer applied before the context refreshes. */
    public static ConfigurableApplicationContext runAgainstClosedPort(Class<?> app,
            ApplicationContextInitializer<ConfigurableApplicationContext> initializer, String... properties) {
        return builder(app, withClosedPort(properties)).initializers(initializer).run();
    }

    public static String[] withClosedPort(String... properties) {
        List<String> all = new ArrayList<>(Arrays.asList(properties));
        all.add("inventory.port=" + ClosedPort.find());
        return all.toArray(String[]::new);
    }

    private static SpringApplicationBuilder builder(Class<?> app, String... properties) {
        return new SpringApplicationBuilder(app).web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
                .properties(properties);
    }
}
