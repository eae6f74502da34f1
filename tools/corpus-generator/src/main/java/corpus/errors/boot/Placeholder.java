package corpus.errors.boot;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.*;
@Configuration @EnableAutoConfiguration @Import(Placeholder.Client.class)
public class Placeholder {
  public static class Client { public Client(@Value("${inventory.base-url}") String url) { } }
}
