package corpus.errors.boot;
import java.time.Duration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.*;
import org.springframework.context.annotation.*;
@Configuration @EnableAutoConfiguration @EnableConfigurationProperties(BadProps.Shop.class)
public class BadProps {
  @ConfigurationProperties("shop") public static class Shop { private Duration timeout; public Duration getTimeout() { return timeout; } public void setTimeout(Duration t) { timeout = t; } }
}
