package dev.knownerrors.spring;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;

/**
 * Installs the diagnosing component on the root logger right after Spring Boot has initialised
 * logging, and again whenever it went missing since.
 *
 * <p>Registered in {@code META-INF/spring.factories} (an auto-configuration would come too late:
 * no bean exists while logging is initialised). Ordered just after
 * {@link LoggingApplicationListener}, which initialises logging on
 * {@link ApplicationEnvironmentPreparedEvent}; installing on the same event, after it, is the
 * earliest moment the final configuration and all properties are there. On
 * {@link ApplicationPreparedEvent} it checks again (an {@code ApplicationContextInitializer} may
 * have re-initialised the logging system in between, as Spring Cloud's bootstrap does). Between
 * those, the installers follow the backend's own reconfigurations (Logback {@code scan}, Log4j
 * {@code monitorInterval}). When the root context closes it stops following them.
 *
 * <p>Never throws: a problem goes to the logging backend's status channel and logging stays as
 * it was. One instance per {@code SpringApplication}; events arrive on one thread.
 */
public class KnownErrorsLoggingListener implements GenericApplicationListener {

    /** Just after {@link LoggingApplicationListener#DEFAULT_ORDER}. */
    public static final int DEFAULT_ORDER = LoggingApplicationListener.DEFAULT_ORDER + 1;

    private LoggingInstaller installer;

    @Override
    public boolean supportsEventType(ResolvableType eventType) {
        Class<?> type = eventType.getRawClass();
        return type != null && (ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(type)
                || ApplicationPreparedEvent.class.isAssignableFrom(type)
                || ContextClosedEvent.class.isAssignableFrom(type)
                || ApplicationFailedEvent.class.isAssignableFrom(type));
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            ensure(prepared.getEnvironment(), prepared.getSpringApplication().getClassLoader());
        } else if (event instanceof ApplicationPreparedEvent prepared) {
            ensure(prepared.getApplicationContext().getEnvironment(), prepared.getSpringApplication().getClassLoader());
        } else if (event instanceof ContextClosedEvent closed && closed.getApplicationContext().getParent() == null
                || event instanceof ApplicationFailedEvent) {
            close();
        }
    }

    private void ensure(Environment environment, ClassLoader classLoader) {
        if (installer == null) {
            try {
                installer = LoggingInstaller.forActiveBackend(classLoader);
            } catch (RuntimeException | LinkageError e) {
                return; // no backend we know how to reach: nothing to install into, nowhere to report
            }
            if (installer == null) {
                return;
            }
        }
        try {
            KnownErrorsProperties properties = KnownErrorsProperties.bind(environment);
            if (properties.isEnabled()) {
                installer.ensure(properties);
            }
        } catch (RuntimeException | LinkageError e) {
            installer.error("known-errors: the Spring Boot starter could not install the diagnosing appender; "
                    + "logging stays as configured", e);
        }
    }

    private void close() {
        if (installer != null) {
            installer.close();
        }
    }

    @Override
    public int getOrder() {
        return DEFAULT_ORDER;
    }
}
