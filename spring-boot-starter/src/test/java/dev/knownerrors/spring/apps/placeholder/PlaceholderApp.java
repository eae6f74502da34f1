package dev.knownerrors.spring.apps.placeholder;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Component;

/** A bean that needs a property nobody set: the start fails on the unresolved placeholder. */
@SpringBootApplication
public class PlaceholderApp {

    @Component
    static class InventoryClient {

        InventoryClient(@Value("${inventory.url}") String url) {
        }
    }
}
