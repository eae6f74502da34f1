package dev.knownerrors.spring;

import org.springframework.util.ClassUtils;

/**
 * Puts the diagnosing component in front of the root logger's appenders of the logging backend
 * that is active, and puts it back when the backend reconfigures itself. One per application.
 * Everything it has to say goes to the backend's status channel, never to an application logger.
 */
interface LoggingInstaller {

    /**
     * Installs the component unless it is there already (installed by this installer, by an
     * earlier application in this JVM, or by the user's own logging configuration). Idempotent.
     */
    void ensure(KnownErrorsProperties properties);

    /** Reports a problem through the backend's status channel. */
    void error(String message, Throwable cause);

    /** Stops watching the backend for reconfiguration; what is installed stays. */
    void close();

    /** The installer for the active backend: Logback, Log4j 2, or {@code null} for anything else. */
    static LoggingInstaller forActiveBackend(ClassLoader classLoader) {
        if (ClassUtils.isPresent("ch.qos.logback.classic.LoggerContext", classLoader)
                && ClassUtils.isPresent("org.slf4j.LoggerFactory", classLoader)) {
            LoggingInstaller logback = LogbackInstaller.ifActive();
            if (logback != null) {
                return logback;
            }
        }
        if (ClassUtils.isPresent("org.apache.logging.log4j.core.LoggerContext", classLoader)) {
            return Log4j2Installer.ifActive(classLoader);
        }
        return null;
    }
}
