package dev.knownerrors.spring.apps.startup;

import dev.knownerrors.spring.apps.ClosedPort;
import jakarta.annotation.PostConstruct;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Component;

import java.io.IOException;

/** A bean that connects to its service while the context starts: on a closed port, the start fails. */
@SpringBootApplication
public class FailingStartupApp {

    @Component("inventoryClient")
    static class InventoryClient {

        private final int port;

        InventoryClient(@Value("${inventory.port}") int port) {
            this.port = port;
        }

        @PostConstruct
        void connect() throws IOException {
            ClosedPort.connect(port);
        }
    }
}
