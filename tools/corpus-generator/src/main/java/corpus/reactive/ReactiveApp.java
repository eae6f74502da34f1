package corpus.reactive;

import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Spring WebFlux on Reactor Netty, calling itself with WebClient (benign corpus). Run with --spring.config.name=reactive */
@SpringBootApplication
public class ReactiveApp {
  private static final Logger log = LoggerFactory.getLogger(ReactiveApp.class);
  public static void main(String[] args) {
    ConfigurableApplicationContext ctx = SpringApplication.run(ReactiveApp.class, args);
    int n = Integer.getInteger("corpus.requests", 40);
    WebClient wc = ctx.getBean(WebClient.Builder.class).baseUrl("http://127.0.0.1:58081").build();
    for (int i = 0; i < n; i++) {
      String path = switch (i % 4) { case 0 -> "/hello?name=r" + i; case 1 -> "/items"; case 2 -> "/actuator/health"; default -> "/slow"; };
      String body = wc.get().uri(path).retrieve().bodyToMono(String.class).timeout(Duration.ofSeconds(10)).block();
      log.info("GET {} -> {} bytes", path, body == null ? 0 : body.length());
      try { Thread.sleep(150); } catch (InterruptedException e) { return; }
    }
    ctx.close();
    System.exit(0);
  }
  @RestController
  public static class Api {
    @GetMapping("/hello") Mono<Map<String, String>> hello(@RequestParam String name) { return Mono.just(Map.of("greeting", "Hello " + name)); }
    @GetMapping("/items") Flux<Map<String, Object>> items() { return Flux.range(1, 5).map(i -> Map.of("id", i, "name", "item-" + i)); }
    @GetMapping("/slow") Mono<String> slow() { return Mono.delay(Duration.ofMillis(300)).map(x -> "done"); }
  }
}
