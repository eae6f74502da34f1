package dev.knownerrors.spring.apps.refused;

import dev.knownerrors.spring.apps.ClosedPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import java.io.IOException;

/** Calls a service on a closed port at startup and logs the failure, as an application would. */
@SpringBootApplication
public class RefusedConnectionApp {

    public static final String MESSAGE = "Could not reach the inventory service";

    private static final Logger log = LoggerFactory.getLogger("demo.orders");

    @Bean
    ApplicationRunner callInventory(@Value("${inventory.port}") int port) {
        return args -> {
            try {
                ClosedPort.connect(port);
            } catch (IOException e) {
                log.error(MESSAGE, e);
            }
        };
    }
}
