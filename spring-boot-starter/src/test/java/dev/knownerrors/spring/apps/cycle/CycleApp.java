package dev.knownerrors.spring.apps.cycle;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Component;

/** Two beans that need each other through their constructors: Spring's own analyzer explains it. */
@SpringBootApplication
public class CycleApp {

    @Component
    static class Orders {
        Orders(Inventory inventory) {
        }
    }

    @Component
    static class Inventory {
        Inventory(Orders orders) {
        }
    }
}
